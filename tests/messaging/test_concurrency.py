"""Two leads of different agencies signing at the same moment (PostgreSQL only)."""

import threading
import time
from unittest import mock

import pytest
from django.db import connection
from wagtail.models import PageLogEntry

from messaging import services
from messaging.models import MessagePage, SignOff
from messaging.services import rounds
from tests.home.factories import build_site
from tests.messaging.factories import SignOffWorld

pytestmark = pytest.mark.postgres


def test_simultaneous_signoffs_both_count_and_publish_exactly_once(on_postgres, transactional_db):
    world = SignOffWorld(build_site()["en"], agencies=2)
    page = world.draft()
    state = world.submit(page)

    # Widen the window between recording a sign-off and checking for completeness, so that
    # without the row lock both signers would see the other's sign-off missing (or both see it
    # complete and publish twice).
    real_missing = rounds.missing_agencies

    def slow_missing(round_):
        time.sleep(0.5)
        return real_missing(round_)

    barrier = threading.Barrier(2)
    errors = []

    def sign(lead):
        try:
            barrier.wait()
            services.sign_off(state, lead)
        except Exception as error:  # noqa: BLE001 - reported below
            errors.append(error)
        finally:
            connection.close()

    with mock.patch.object(rounds, "missing_agencies", slow_missing):
        threads = [threading.Thread(target=sign, args=(world.lead(i),)) for i in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)

    assert errors == []
    assert SignOff.objects.signed().filter(revision_id=state.revision_id).count() == 2
    page = MessagePage.objects.get(pk=page.pk)
    assert page.live and page.live_revision_id == state.revision_id
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").count() == 1


def _waiting_on_locks(cursor, database):
    cursor.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND wait_event_type = 'Lock'",
        [database],
    )
    return cursor.fetchone()[0]


def test_the_last_signoff_racing_an_edit_never_deadlocks_nor_undoes_the_publication(
    on_postgres, transactional_db
):
    """Over real concurrent requests: the last lead signs in the admin while the author saves a
    draft of the same page in the editor. A third connection holds the page row until both
    requests are queued behind it, so that each run is a real race whatever the scheduler does."""
    import psycopg
    from django.test import Client
    from django.urls import reverse

    from tests.messaging.factories import message_form_data

    world = SignOffWorld(build_site()["en"], agencies=2)
    database = connection.settings_dict["NAME"]
    for attempt in range(6):
        page = world.draft(title=f"Race {attempt}", slug=f"race-{attempt}")
        state = world.submit(page)
        services.sign_off(state, world.lead(0))
        signed_revision = state.revision_id
        responses, errors = {}, []

        def request(name, user, url, data, responses=responses, errors=errors):
            client = Client()
            client.force_login(user)
            try:
                responses[name] = client.post(url, data)
            except Exception as error:  # noqa: BLE001 - reported below
                errors.append(error)
            finally:
                connection.close()

        edit = (
            "author",
            world.author,
            reverse("wagtailadmin_pages:edit", args=[page.pk]),
            message_form_data(title=f"Race {attempt}, edited", slug=f"race-{attempt}"),
        )
        signoff = (
            "lead",
            world.lead(1),
            reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "sign_off", state.pk]),
            {},
        )
        with psycopg.connect(**connection.get_connection_params()) as blocker:
            blocker.execute("SELECT id FROM wagtailcore_page WHERE id = %s FOR UPDATE", [page.pk])
            threads = [threading.Thread(target=request, args=args) for args in (edit, signoff)]
            for thread in threads:
                thread.start()
            with psycopg.connect(**connection.get_connection_params(), autocommit=True) as watcher:
                deadline = time.monotonic() + 30
                while _waiting_on_locks(watcher.cursor(), database) < 2 and time.monotonic() < deadline:
                    time.sleep(0.01)  # the test waits for a condition; the code under test never sleeps
            blocker.rollback()
        for thread in threads:
            thread.join(timeout=60)

        assert errors == []
        assert {name: response.status_code for name, response in responses.items()} == {
            "author": 302,
            "lead": 302,
        }
        page = MessagePage.objects.get(pk=page.pk)
        latest = page.get_latest_revision()
        assert latest.as_object().title == f"Race {attempt}, edited", "the author's edit is kept"
        published = PageLogEntry.objects.filter(page=page, action="wagtail.publish").exists()
        if published:
            # The sign-off won: the page stays live on the signed revision; the edit is a draft.
            assert page.live and page.live_revision_id == signed_revision
            assert page.title == f"Race {attempt}", "the live row keeps the signed words"
            assert page.has_unpublished_changes
        else:
            # The edit won: the round restarted on the new revision and nothing was published.
            assert not page.live and page.live_revision_id is None
            assert services.current_round(page).revision_id == latest.pk

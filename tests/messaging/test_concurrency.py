"""Two leads of different agencies signing at the same moment (PostgreSQL only)."""

import threading
import time
from unittest import mock

import pytest
from django.db import connection
from wagtail.models import PageLogEntry

from messaging import services
from messaging.models import MessagePage, SignOff
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
    real_missing = services.missing_agencies

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

    with mock.patch.object(services, "missing_agencies", slow_missing):
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

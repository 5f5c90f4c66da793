"""A home for partners: each role lands on the admin dashboard and finds its work there (issue 9)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale
from wagtail.users.models import UserProfile

from messaging import services
from messaging.models import SignOffTaskState
from tests.helpers import dashboard_panel
from tests.messaging.factories import SignOffWorld
from tests.partners.factories import AgencyFactory, coordinator, partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(homes):
    return SignOffWorld(homes["en"], agencies=3)


def dashboard(client, user):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_home"))
    assert response.status_code == 200
    return response.content.decode()


def review_url(state):
    return reverse("messaging:review", args=[state.pk])


def add_message_url(index):
    return reverse("wagtailadmin_pages:add", args=["messaging", "messagepage", index.pk])


def send_back(world, page, lead_index=1, comment="Name the hotline in the first line."):
    state = world.submit(page)
    services.request_changes(state, world.lead(lead_index), comment)
    return state


def test_an_author_finds_write_a_message_their_drafts_and_what_came_back(client, world):
    draft = world.draft(title="Half written")
    returned = world.draft(title="Sent back")
    returned_state = send_back(world, returned)
    in_review = world.draft(title="Waiting for agencies")
    world.submit(in_review)
    other = partner(world.agencies[1], "author", username="other-author")
    others_draft = world.draft(title="Someone else's")
    world.edit(others_draft, user=other)
    others_draft.refresh_from_db()
    others_draft.owner = other
    others_draft.save(update_fields=["owner"])

    html = dashboard(client, world.author)
    panel = dashboard_panel(html, "author-work")
    assert panel is not None
    assert "Write a message" in panel and f'href="{add_message_url(world.index)}"' in panel
    assert reverse("wagtailadmin_pages:edit", args=[draft.pk]) in panel and "Half written" in panel
    # Returned: which agency asked, the comment, a link to the review and to the editor.
    assert review_url(returned_state) in panel
    assert reverse("wagtailadmin_pages:edit", args=[returned.pk]) in panel
    assert "Agency B" in panel and "Name the hotline in the first line." in panel
    assert "Waiting for agencies" not in panel, "in review: neither a draft nor returned"
    assert "Someone else" not in panel
    for other_panel in ("awaiting-agency-signoff", "coordinator-signoffs", "host-trainings"):
        assert dashboard_panel(html, other_panel) is None

    # One click from the landing to the message editor.
    assert client.get(add_message_url(world.index)).status_code == 200


def test_write_a_message_opens_the_message_index_of_the_authors_language(client, world):
    spanish_index = world.index.get_translation(Locale.objects.get(language_code="es"))
    UserProfile.objects.update_or_create(user=world.author, defaults={"preferred_language": "es"})
    panel = dashboard_panel(dashboard(client, world.author), "author-work")
    assert f'href="{add_message_url(spanish_index)}"' in panel
    assert add_message_url(world.index) not in panel


def test_an_author_with_nothing_yet_is_told_so_plainly(client, world):
    panel = dashboard_panel(dashboard(client, world.author), "author-work")
    assert "Nothing of yours has changes requested." in panel and "You have no drafts." in panel


def test_a_lead_finds_what_awaits_their_agency_linked_to_the_review(client, world):
    page = world.draft(title="For the leads")
    state = world.submit(page)
    html = dashboard(client, world.lead(1))
    panel = dashboard_panel(html, "awaiting-agency-signoff")
    assert panel is not None and review_url(state) in panel and "For the leads" in panel
    for other_panel in ("author-work", "coordinator-signoffs", "host-trainings"):
        assert dashboard_panel(html, other_panel) is None
    assert "Write a message" not in html


def test_the_coordinator_sees_rounds_in_review_missing_and_overdue_agencies_and_what_came_back(client, world):
    late = world.draft(title="Late one")
    late_state = world.submit(late)
    services.sign_off(late_state, world.lead(0))
    SignOffTaskState.objects.filter(pk=late_state.pk).update(
        needed_by=timezone.localdate() - datetime.timedelta(days=2)
    )
    returned_state = send_back(world, world.draft(title="Came back"), lead_index=2, comment="Too long.")
    AgencyFactory(name="Stale Shelter", last_verified_on=None)

    html = dashboard(client, coordinator())
    panel = dashboard_panel(html, "coordinator-signoffs")
    assert "1 item is in review." in panel and reverse("messaging:signoff_report") in panel
    assert review_url(late_state) in panel and "Late one" in panel
    assert "Agency B, Agency C" in panel and "Overdue" in panel
    assert "Agency B: 1 overdue item" in panel and "Agency C: 1 overdue item" in panel
    assert "Agency A: " not in panel, "Agency A has signed"
    assert review_url(returned_state) in panel and "Too long." in panel
    verification = dashboard_panel(html, "partners-verification")
    assert "Stale Shelter" in verification and "never verified" in verification
    assert dashboard_panel(html, "author-work") is None


def test_a_person_with_several_roles_sees_each_of_their_panels(client, world):
    everything = partner(
        world.agencies[2], "author", "communications_lead", "training_host", username="does-it-all"
    )
    html = dashboard(client, everything)
    for panel_id in ("author-work", "awaiting-agency-signoff", "host-trainings"):
        assert dashboard_panel(html, panel_id) is not None, panel_id
    assert dashboard_panel(html, "coordinator-signoffs") is None


def test_the_dashboard_queries_do_not_grow_with_the_number_of_items(
    client, world, django_assert_max_num_queries
):
    boss = coordinator()
    send_back(world, world.draft(title="Back 0"))
    world.submit(world.draft(title="Review 0"))
    world.draft(title="Draft 0")
    client.force_login(world.author)
    with django_assert_max_num_queries(80) as author_queries:
        client.get(reverse("wagtailadmin_home"))
    client.force_login(boss)
    with django_assert_max_num_queries(80) as coordinator_queries:
        client.get(reverse("wagtailadmin_home"))

    for n in range(1, 6):
        send_back(world, world.draft(title=f"Back {n}"))
        world.submit(world.draft(title=f"Review {n}"))
        world.draft(title=f"Draft {n}")
    client.force_login(world.author)
    with django_assert_max_num_queries(len(author_queries) + 2):
        html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Back 5" in dashboard_panel(html, "author-work")
    client.force_login(boss)
    with django_assert_max_num_queries(len(coordinator_queries) + 2):
        html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "6 items are in review." in dashboard_panel(html, "coordinator-signoffs")

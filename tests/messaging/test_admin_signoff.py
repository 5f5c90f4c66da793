"""The sign-off through the admin with the test client: happy path, refusals, panels, report."""

import pytest
from django.urls import reverse
from wagtail.models import PageLogEntry

from messaging import services
from messaging.models import MessagePage, SignOff
from tests.messaging.factories import SignOffWorld, message_form_data
from tests.partners.factories import UserFactory, coordinator, partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(homes):
    return SignOffWorld(homes["en"], agencies=3)


def workflow_action(client, page, action, data=None):
    state = services.current_round(page)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, state.pk])
    return client.post(url, data or {})


def assert_refused(response):
    """A refusal: HTTP 403, or Wagtail's redirect to the dashboard with its permission message."""
    assert response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == "/admin/"
    ), (
        response.status_code,
        response.get("Location"),
    )


def create_and_submit(client, world, slug="one-voice"):
    client.force_login(world.author)
    url = reverse("wagtailadmin_pages:add", args=["messaging", "messagepage", world.index.pk])
    response = client.post(url, message_form_data(title="One voice", slug=slug, **{"action-submit": "1"}))
    assert response.status_code == 302
    return MessagePage.objects.get(slug=slug)


def test_full_happy_path_through_the_admin_with_three_agencies(client, world):
    page = create_and_submit(client, world)
    assert page.workflow_in_progress and not page.live

    for i in range(3):
        client.force_login(world.lead(i))
        edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        assert edit.status_code == 200
        assert f"Sign off for {world.agencies[i].name}" in edit.content.decode()
        response = workflow_action(client, page, "sign_off")
        assert response.status_code == 302
        page.refresh_from_db()
        assert page.live == (i == 2)

    assert set(SignOff.objects.of_page(page).signed().values_list("agency__name", flat=True)) == {
        a.name for a in world.agencies
    }
    assert PageLogEntry.objects.filter(page=page, action="messaging.signed_off").count() == 3
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish").count() == 1
    public = client.get(page.url)
    assert public.status_code == 200
    html = public.content.decode()
    assert "Endorsed by" in html and all(agency.name in html for agency in world.agencies)


def test_request_changes_needs_a_comment_in_the_admin_and_resubmission_works(client, world):
    page = create_and_submit(client, world)
    client.force_login(world.lead(1))
    response = workflow_action(client, page, "request_changes", {"comment": ""})
    page.refresh_from_db()
    assert page.current_workflow_state.status == "in_progress", "an empty comment must not send it back"
    assert not SignOff.objects.of_page(page).exists()
    del response

    workflow_action(client, page, "request_changes", {"comment": "Name the hotline."})
    page.refresh_from_db()
    assert page.current_workflow_state.status == "needs_changes"
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    assert "Changes requested by Agency B" in history

    client.force_login(world.author)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    client.post(
        edit_url,
        message_form_data(
            title="One voice", slug="one-voice", summary="Call 1-888-373-7888.", **{"action-submit": "1"}
        ),
    )
    page.refresh_from_db()
    assert page.current_workflow_state.status == "in_progress"
    assert services.current_round(page).revision_id == page.latest_revision_id
    for i in range(3):
        client.force_login(world.lead(i))
        workflow_action(client, page, "sign_off")
    page.refresh_from_db()
    assert page.live and page.summary == "Call 1-888-373-7888."


@pytest.mark.parametrize(
    "who", ["author", "superuser", "coordinator", "other agency's author", "unrelated lead"]
)
def test_people_who_are_not_a_required_lead_get_403_and_nothing_changes(client, world, who):
    from tests.partners.factories import AgencyFactory

    page = create_and_submit(client, world)
    user = {
        "author": lambda: world.author,
        "superuser": lambda: UserFactory(is_superuser=True, is_staff=True),
        "coordinator": lambda: coordinator(),
        "other agency's author": lambda: partner(world.agencies[2], "author"),
        "unrelated lead": lambda: partner(AgencyFactory(is_active=True), "communications_lead"),
    }[who]()
    client.force_login(user)
    assert_refused(workflow_action(client, page, "sign_off"))
    assert not SignOff.objects.of_page(page).exists()
    page.refresh_from_db()
    assert not page.live


def test_a_lead_cannot_sign_twice_for_the_same_revision(client, world):
    page = create_and_submit(client, world)
    client.force_login(world.lead(0))
    workflow_action(client, page, "sign_off")
    assert_refused(workflow_action(client, page, "sign_off"))
    assert SignOff.objects.of_page(page).count() == 1


def test_the_submitter_who_is_a_lead_cannot_sign_it(client, world):
    lead = world.lead(0)
    page = world.draft()
    page.save_revision(user=lead)
    client.force_login(lead)
    client.post(reverse("messaging:submit", args=[page.pk]))
    assert_refused(workflow_action(client, page, "sign_off"))
    assert not SignOff.objects.of_page(page).exists()


def test_an_edit_during_review_voids_signoffs_and_leads_see_the_changes(client, world):
    page = create_and_submit(client, world)
    client.force_login(world.lead(0))
    workflow_action(client, page, "sign_off")
    signed_revision = services.current_round(page).revision_id

    client.force_login(world.author)
    client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        message_form_data(title="One voice", slug="one-voice", summary="Edited in review."),
    )
    page.refresh_from_db()
    state = services.current_round(page)
    assert state.revision_id == page.latest_revision_id != signed_revision
    assert services.missing_agencies(state) == sorted(world.agencies, key=lambda a: a.name)

    client.force_login(world.lead(0))
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    compare = reverse(
        "wagtailadmin_pages:revisions_compare", args=[page.pk, signed_revision, state.revision_id]
    )
    assert compare in edit
    assert client.get(compare).status_code == 200


def test_status_panel_shows_each_agency(client, world):
    page = create_and_submit(client, world)
    client.force_login(world.lead(1))
    workflow_action(client, page, "sign_off", {"comment": "Fine by us."})
    client.force_login(world.author)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).content.decode()
    assert "Sign-off, agency by agency" in html
    assert html.count("Pending") == 2
    assert world.lead(1).get_full_name() in html


def test_dashboard_lists_only_items_awaiting_the_leads_agency(client, world):
    first = create_and_submit(client, world, slug="first")
    second = create_and_submit(client, world, slug="second")
    client.force_login(world.lead(0))
    workflow_action(client, first, "sign_off")

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "Awaiting your agency" in dashboard
    panel = dashboard.split("awaiting-agency-signoff")[-1]
    assert review_of(second) in panel
    assert review_of(first) not in panel

    client.force_login(world.lead(1))
    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    assert review_of(first) in dashboard.split("awaiting-agency-signoff")[-1]


def review_of(page):
    return reverse("messaging:review", args=[services.current_round(page).pk])


def test_report_is_for_the_coordinator_only_and_its_queries_are_bounded(
    client, world, django_assert_max_num_queries
):
    for n in range(3):
        create_and_submit(client, world, slug=f"item-{n}")
    send_back(client, world, slug="back-0")
    client.force_login(world.lead(0))
    assert_refused(client.get(reverse("messaging:signoff_report")))

    client.force_login(coordinator())
    with django_assert_max_num_queries(30) as captured:
        response = client.get(reverse("messaging:signoff_report"))
    baseline = len(captured)
    assert response.status_code == 200 and "item-" not in response.content.decode()  # titles, not slugs
    assert response.content.decode().count("0 of 3") == 3
    assert response.content.decode().count("Please shorten it.") == 1

    for n in range(3, 12):
        create_and_submit(client, world, slug=f"item-{n}")
    for n in range(1, 4):
        send_back(client, world, slug=f"back-{n}")
    client.force_login(coordinator(username="coordinator-2"))
    with django_assert_max_num_queries(baseline + 2):
        response = client.get(reverse("messaging:signoff_report"))
    assert response.content.decode().count("0 of 3") == 12
    assert response.content.decode().count("Please shorten it.") == 4


def send_back(client, world, slug):
    """An item submitted through the admin, then sent back by the second agency's lead."""
    page = create_and_submit(client, world, slug=slug)
    services.request_changes(services.current_round(page), world.lead(1), "Please shorten it.")
    return page


def test_report_names_the_agencies_still_missing_and_lists_changes_requested(client, world):
    in_review = create_and_submit(client, world, slug="in-review")
    state = services.current_round(in_review)
    services.sign_off(state, world.lead(1))
    returned = create_and_submit(client, world, slug="returned")
    returned_state = services.current_round(returned)
    services.request_changes(returned_state, world.lead(2), "Add the hotline number.")

    client.force_login(coordinator())
    html = client.get(reverse("messaging:signoff_report")).content.decode()
    in_review_part, returned_part = html.split("<h2>Changes requested</h2>")
    row = in_review_part.split(reverse("messaging:review", args=[state.pk]))[1].split("</tr>")[0]
    assert "1 of 3" in row and "Agency A, Agency C" in row and "Agency B" not in row
    assert reverse("messaging:review", args=[returned_state.pk]) not in in_review_part
    row = returned_part.split(reverse("messaging:review", args=[returned_state.pk]))[1].split("</tr>")[0]
    assert "Agency C" in row and "Add the hotline number." in row
    assert reverse("messaging:review", args=[state.pk]) not in returned_part

    # Resubmitted: in review again, no longer listed as changes requested.
    client.force_login(world.author)
    client.post(reverse("messaging:submit", args=[returned.pk]))
    client.force_login(coordinator(username="coordinator-2"))
    html = client.get(reverse("messaging:signoff_report")).content.decode()
    assert "Add the hotline number." not in html and "No item has changes requested." in html


def test_leads_cannot_edit_the_workflow(client, world):
    from messaging.models import AgencySignOffTask

    client.force_login(world.lead(0))
    task = AgencySignOffTask.objects.get()
    assert_refused(client.get(reverse("wagtailadmin_workflows:edit_task", args=[task.pk])))


def test_translators_find_submit_in_the_page_listing(client, world):
    page = world.draft(title="Listed")
    client.force_login(world.author)
    listing = client.get(reverse("wagtailadmin_explore", args=[world.index.pk])).content.decode()
    assert reverse("messaging:submit", args=[page.pk]) in listing
    world.submit(page)
    listing = client.get(reverse("wagtailadmin_explore", args=[world.index.pk])).content.decode()
    assert reverse("messaging:submit", args=[page.pk]) not in listing, "not while it is in review"

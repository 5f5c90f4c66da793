"""Crafted admin POSTs (workflow action data, a StreamField without its management fields)
answer 400 with a message, change nothing, and well-formed POSTs still work."""

import pytest
from django.urls import reverse
from wagtail.models import Revision

from messaging import services
from messaging.models import MessagePage, SignOff
from tests.messaging.factories import SignOffWorld, message_form_data

pytestmark = pytest.mark.django_db

BAD_REQUEST = "The form sent was incomplete or not valid. Reload the page and try again."


@pytest.fixture
def world(homes):
    return SignOffWorld(homes["en"], agencies=2)


@pytest.fixture
def in_review(world):
    page = world.draft(title="One voice")
    world.submit(page)
    return MessagePage.objects.get(pk=page.pk)


def snapshot(page):
    page = MessagePage.objects.get(pk=page.pk)
    state = page.current_workflow_state
    return {
        "revisions": list(
            Revision.page_revisions.filter(object_id=str(page.pk)).values_list("pk", flat=True)
        ),
        "latest": page.latest_revision_id,
        "live": page.live,
        "title": page.get_latest_revision_as_object().title,
        "workflow": state.status if state else None,
        "signoffs": list(SignOff.objects.of_page(page).values_list("pk", flat=True)),
    }


def assert_bad_request(response):
    assert response.status_code == 400
    assert response.content.decode() == BAD_REQUEST


def workflow_url(view, page, action):
    state = services.current_round(page)
    return reverse(f"wagtailadmin_pages:{view}", args=[page.pk, action, state.pk])


@pytest.mark.parametrize("xhr", [False, True], ids=["form", "modal"])
@pytest.mark.parametrize(
    "data",
    [{}, {"comment": "Fine by us."}, {"comment": ["a", "b"]}],
    ids=["no-comment", "comment", "two-comments"],
)
def test_collecting_data_for_an_action_that_has_none_is_a_400(client, world, in_review, caplog, data, xhr):
    client.raise_request_exception = False
    client.force_login(world.lead(0))
    before = snapshot(in_review)
    headers = {"x-requested-with": "XMLHttpRequest"} if xhr else {}
    response = client.post(
        workflow_url("collect_workflow_action_data", in_review, "sign_off"), data, headers=headers
    )
    assert_bad_request(response)
    assert snapshot(in_review) == before
    assert any(r.name == "config.middleware" and r.levelname == "WARNING" for r in caplog.records)


def test_collecting_data_for_an_action_with_a_form_still_works(client, world, in_review):
    """Positive control: the modal's data step for "sign off with a comment" answers with the data."""
    client.force_login(world.lead(0))
    before = snapshot(in_review)
    response = client.post(
        workflow_url("collect_workflow_action_data", in_review, "sign_off_with_comment"),
        {"comment": "Fine by us."},
        headers={"x-requested-with": "XMLHttpRequest"},
    )
    assert response.status_code == 200
    assert response.json()["step"] == "success"
    assert response.json()["cleaned_data"] == {"comment": "Fine by us."}
    assert snapshot(in_review) == before


@pytest.mark.parametrize(
    ("action", "data"),
    [
        ("request_changes", {}),  # a missing comment
        ("request_changes", {"comment": ""}),
        ("request_changes", {"comment": "a\x00b"}),  # a NUL byte
        ("explode", {"comment": "x"}),  # an unknown action
    ],
)
def test_workflow_actions_with_invalid_data_change_nothing_and_never_500(
    client, world, in_review, action, data
):
    client.raise_request_exception = False
    client.force_login(world.lead(0))
    before = snapshot(in_review)
    response = client.post(workflow_url("workflow_action", in_review, action), data)
    assert response.status_code in {302, 400, 403}
    assert snapshot(in_review) == before


def test_a_well_formed_workflow_action_succeeds(client, world, in_review):
    """Positive control for the refusals above."""
    client.force_login(world.lead(0))
    response = client.post(
        workflow_url("workflow_action", in_review, "sign_off_with_comment"), {"comment": "Fine by us."}
    )
    assert response.status_code == 302
    assert SignOff.objects.of_page(in_review).get().comment == "Fine by us."


def edit(client, page, data):
    return client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)


@pytest.mark.parametrize(
    ("drop", "change"),
    [
        ("body-count", {}),
        ("body-0-type", {}),
        ("body-0-order", {}),
        ("body-0-deleted", {}),
        (None, {"body-count": "many"}),
        (None, {"body-count": "99999999"}),
        (None, {"body-0-order": "first"}),
    ],
)
def test_a_page_edit_with_a_malformed_streamfield_is_a_400_and_saves_nothing(
    client, world, caplog, drop, change
):
    page = world.draft(title="One voice")
    client.raise_request_exception = False
    client.force_login(world.author)
    before = snapshot(page)
    data = message_form_data(title="Changed", slug=page.slug)
    data.pop(drop, None)
    data.update(change)
    assert_bad_request(edit(client, page, data))
    assert snapshot(page) == before
    assert any(r.name == "config.middleware" and r.levelname == "WARNING" for r in caplog.records)


def test_a_well_formed_page_edit_saves(client, world):
    """Positive control: the same edit with every management field saves a new revision."""
    page = world.draft(title="One voice")
    client.force_login(world.author)
    response = edit(client, page, message_form_data(title="Changed", slug=page.slug))
    assert response.status_code == 302
    assert snapshot(page)["title"] == "Changed"


@pytest.mark.parametrize(
    ("method", "path", "exception", "status"),
    [
        ("post", "/admin/pages/3/edit/", KeyError("body-count"), 400),
        ("post", "/admin/pages/3/edit/", ValueError("many"), 400),
        ("post", "/admin/pages/3/edit/", RuntimeError("a real fault"), None),  # stays a 500
        ("get", "/admin/pages/3/edit/", KeyError("x"), None),  # only POSTs
        ("post", "/en/accounts/login/", KeyError("x"), None),  # only the admin
    ],
)
def test_the_middleware_only_answers_for_malformed_admin_posts(rf, method, path, exception, status):
    from config.middleware import MalformedAdminPostMiddleware

    middleware = MalformedAdminPostMiddleware(lambda request: None)
    response = middleware.process_exception(getattr(rf, method)(path), exception)
    assert (response.status_code if response else None) == status


def test_a_workflow_action_naming_another_pages_round_is_a_400_and_signs_nothing(client, world):
    """The lead may sign both, but a POST for page A must not act on page B's round."""
    a = world.draft(title="Page A")
    world.submit(a)
    b = world.draft(title="Page B")
    b_round = world.submit(b)
    client.force_login(world.lead(0))
    before = snapshot(a), snapshot(b)
    url = reverse("wagtailadmin_pages:workflow_action", args=[a.pk, "sign_off", b_round.pk])
    assert_bad_request(client.post(url))
    assert (snapshot(a), snapshot(b)) == before
    # Positive control: the same POST with the page's own round signs it.
    assert client.post(workflow_url("workflow_action", b, "sign_off")).status_code == 302
    assert SignOff.objects.of_page(b).get().task_state_id == b_round.pk

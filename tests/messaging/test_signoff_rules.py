"""The sign-off rules at the service level: who may sign, what completes, what voids."""

import pytest
from django.core.exceptions import ValidationError

from messaging import services
from messaging.models import MessagePage, SignOff, SignOffRequired
from messaging.services import SignOffRefused
from tests.messaging.factories import SignOffWorld
from tests.partners.factories import AgencyFactory, UserFactory, coordinator, partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(homes):
    return SignOffWorld(homes["en"], agencies=3)


def test_every_required_agency_signing_the_same_revision_publishes_it(world):
    page = world.draft()
    state = world.submit(page)
    assert set(state.required_agencies.all()) == set(world.agencies)

    services.sign_off(state, world.lead(0))
    services.sign_off(services.current_round(page), world.lead(1))
    page.refresh_from_db()
    assert not page.live

    services.sign_off(services.current_round(page), world.lead(2))
    page.refresh_from_db()
    assert page.live
    assert page.live_revision_id == state.revision_id
    assert services.is_fully_signed_off(page.live_revision)
    assert [s.agency for s in services.endorsements(page)] == sorted(world.agencies, key=lambda a: a.name)


def test_a_lead_signs_only_for_their_own_agency_and_only_once(world):
    page = world.draft()
    state = world.submit(page)
    services.sign_off(state, world.lead(0))
    with pytest.raises(SignOffRefused, match="already signed"):
        services.sign_off(services.current_round(page), world.lead(0))
    other_lead_same_agency = partner(world.agencies[0], "communications_lead")
    with pytest.raises(SignOffRefused, match="already signed"):
        services.sign_off(services.current_round(page), other_lead_same_agency)
    assert SignOff.objects.of_page(page).count() == 1


def test_agencies_not_required_cannot_sign(world):
    page = world.draft()
    state = world.submit(page)
    outsider = AgencyFactory(name="Outsider")  # joined after the round's agencies were fixed
    with pytest.raises(SignOffRefused, match="not required"):
        services.sign_off(state, partner(outsider, "communications_lead"))


@pytest.mark.parametrize(
    "who",
    ["author", "training host", "member without role", "coordinator", "superuser", "anonymous-like user"],
)
def test_only_communications_leads_can_sign(world, who):
    page = world.draft()
    state = world.submit(page)
    user = {
        "author": lambda: partner(world.agencies[1], "author"),
        "training host": lambda: partner(world.agencies[1], "training_host"),
        "member without role": lambda: partner(world.agencies[1]),
        "coordinator": lambda: coordinator(world.agencies[1]),
        "superuser": lambda: UserFactory(is_superuser=True, is_staff=True),
        "anonymous-like user": lambda: UserFactory(),
    }[who]()
    with pytest.raises(SignOffRefused, match="Only a communications lead"):
        services.sign_off(state, user)
    assert not SignOff.objects.of_page(page).exists()


def test_the_submitter_cannot_sign_off_their_own_submission(world):
    lead = world.lead(0)
    page = world.draft()
    page.save_revision(user=lead)
    services.submit_for_signoff(page, lead)
    with pytest.raises(SignOffRefused, match="You submitted or wrote this version"):
        services.sign_off(services.current_round(page), lead)
    # another lead of the same agency can
    services.sign_off(services.current_round(page), partner(world.agencies[0], "communications_lead"))


def test_a_new_revision_voids_earlier_signoffs(world):
    page = world.draft()
    first = world.submit(page)
    services.sign_off(first, world.lead(0))
    services.sign_off(services.current_round(page), world.lead(1))

    world.edit(page, summary="A corrected summary.")
    second = services.current_round(page)
    assert second.pk != first.pk and second.revision_id != first.revision_id
    assert services.missing_agencies(second) == sorted(world.agencies, key=lambda a: a.name)

    # The old round can no longer be used.
    with pytest.raises(SignOffRefused):
        services.sign_off(first, world.lead(2))

    services.sign_off(second, world.lead(2))
    page.refresh_from_db()
    assert not page.live, "two agencies signed an older revision only"
    world.sign_all(page, but=(2,))
    page.refresh_from_db()
    assert page.live and page.summary == "A corrected summary."


def test_an_edit_by_a_lead_during_review_also_voids(world):
    page = world.draft()
    state = world.submit(page)
    services.sign_off(state, world.lead(0))
    world.edit(page, user=world.lead(1), title="Retitled by a lead")
    assert services.current_round(page).revision_id != state.revision_id
    assert (
        SignOff.objects.of_page(page)
        .signed()
        .filter(revision_id=services.current_round(page).revision_id)
        .count()
        == 0
    )


def test_request_changes_needs_a_comment_and_sends_the_item_back(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    page = world.draft()
    state = world.submit(page)
    with pytest.raises(SignOffRefused, match="Say what needs to change"):
        services.request_changes(state, world.lead(1), "   ")
    with django_capture_on_commit_callbacks(execute=True):
        record = services.request_changes(state, world.lead(1), "Please say 'help is free'.")
    assert record.decision == SignOff.Decision.CHANGES_REQUESTED
    page.refresh_from_db()
    assert page.current_workflow_state.status == "needs_changes"
    assert services.current_round(page) is None
    [notice] = [m for m in mailoutbox if m.subject == "Changes were requested on an item you submitted"]
    assert notice.to == [world.author.email]
    assert "Please say 'help is free'." in notice.body and "Agency B" in notice.body


def test_resubmitting_after_changes_starts_a_new_round(world):
    page = world.draft()
    state = world.submit(page)
    services.request_changes(state, world.lead(1), "Too long.")
    world.edit(page, summary="Shorter.")
    page.refresh_from_db()
    page.current_workflow_state.resume(world.author)
    new_round = services.current_round(page)
    assert new_round is not None and new_round.revision_id != state.revision_id
    world.sign_all(page)
    page.refresh_from_db()
    assert page.live and page.summary == "Shorter."


def test_signoff_records_are_immutable(world):
    page = world.draft()
    record = services.sign_off(world.submit(page), world.lead(0))
    record.comment = "changed"
    with pytest.raises(ValidationError):
        record.save()
    with pytest.raises(ValidationError):
        record.delete()
    with pytest.raises(ValidationError):
        SignOff.objects.filter(pk=record.pk).update(comment="x")
    with pytest.raises(ValidationError):
        SignOff.objects.all().delete()


def test_leads_are_emailed_in_their_language_with_a_neutral_subject(
    world, mailoutbox, django_capture_on_commit_callbacks
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(world.lead(1))
    profile.preferred_language = "es"
    profile.save()
    with django_capture_on_commit_callbacks(execute=True):
        world.submit(world.draft(title="Trafficking myths"))
    to_lead_b = [m for m in mailoutbox if m.to == [world.lead(1).email]]
    to_lead_a = [m for m in mailoutbox if m.to == [world.lead(0).email]]
    assert len(to_lead_b) == 1 and len(to_lead_a) == 1
    assert "traffick" not in to_lead_a[0].subject.lower()
    assert to_lead_a[0].subject == "An item is waiting for your agency's sign-off"
    assert to_lead_b[0].subject == "Un elemento espera la aprobación de su agencia"
    assert "/admin/messaging/review/" in to_lead_a[0].body


def test_publishing_an_unsigned_revision_is_refused_at_the_model(world):
    page = world.draft()
    with pytest.raises(SignOffRequired):
        page.get_latest_revision().publish(user=coordinator())
    page.refresh_from_db()
    assert not page.live


def test_an_unpublished_page_needs_a_fresh_round_to_come_back(world):
    """An agency asked for it to be taken down: the old sign-offs must not bring it back."""
    page = world.draft()
    world.submit(page)
    page = world.sign_all(page)
    signed_revision = page.live_revision_id
    page.unpublish()
    assert not MessagePage.objects.get(pk=page.pk).live

    services.submit_for_signoff(MessagePage.objects.get(pk=page.pk), world.author)
    page = MessagePage.objects.get(pk=page.pk)
    assert not page.live, "resubmitting the unchanged words republished nothing"
    state = services.current_round(page)
    assert state.revision_id != signed_revision
    assert state.revision.as_object().summary == MessagePage.objects.get(pk=page.pk).summary
    assert services.missing_agencies(state) == sorted(world.agencies, key=lambda a: a.name)

    page = world.sign_all(page)
    assert page.live and page.live_revision_id == state.revision_id
    assert SignOff.objects.of_page(page).count() == 6, "every agency signed again"


def test_submitting_the_live_signed_version_again_is_refused(world):
    page = world.draft()
    world.submit(page)
    page = world.sign_all(page)
    with pytest.raises(SignOffRefused, match="nothing to submit"):
        services.submit_for_signoff(page, world.author)


def test_partial_signoffs_on_the_same_revision_carry_over_to_a_new_round(world):
    page = world.draft()
    state = world.submit(page)
    services.sign_off(state, world.lead(0))
    page.current_workflow_state.cancel(user=world.author)
    new_round = world.submit(page)
    assert new_round.revision_id == state.revision_id
    assert world.agencies[0] not in services.missing_agencies(new_round)

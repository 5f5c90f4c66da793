"""People, not only agencies (issue 7, point 2): one person signs a revision once, bound to the
agency they belonged to when they signed; nobody signs words they wrote; lead-role changes are
logged and announced."""

import pytest
from django.core import mail
from wagtail.models import ModelLogEntry

from messaging import services
from messaging.models import SignOff
from partners.models import Membership
from tests.messaging.factories import SignOffWorld
from tests.partners.factories import partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(homes):
    return SignOffWorld(homes["en"], agencies=3)


def move(user, agency):
    membership = Membership.objects.get(user=user)
    membership.agency = agency
    membership.save()
    user.refresh_from_db()
    return user


def test_a_lead_moved_to_another_agency_cannot_sign_the_same_revision_again(world):
    page = world.draft()
    state = world.submit(page)
    wanderer = world.lead(0)
    services.sign_off(state, wanderer)

    move(wanderer, world.agencies[1])
    with pytest.raises(services.SignOffRefused, match="You have already signed off this revision"):
        services.sign_off(services.current_round(page), wanderer)

    # Positive control: the second agency's own lead signs for it.
    services.sign_off(services.current_round(page), world.lead(1))
    signed = SignOff.objects.signed().filter(revision_id=state.revision_id)
    assert {(s.user_id, s.agency_id) for s in signed} == {
        (wanderer.pk, world.agencies[0].pk),
        (world.lead(1).pk, world.agencies[1].pk),
    }, "the earlier sign-off stays bound to the agency it was given for"
    assert [a.pk for a in services.missing_agencies(services.current_round(page))] == [world.agencies[2].pk]


def test_the_database_refuses_a_second_signoff_by_the_same_person(world):
    page = world.draft()
    state = world.submit(page)
    services.sign_off(state, world.lead(0))
    move(world.lead(0), world.agencies[1])
    with pytest.raises(services.SignOffRefused):
        services._record(state, world.lead(0), world.agencies[1], SignOff.Decision.SIGNED_OFF, "")


def test_whoever_wrote_a_revision_since_the_last_signed_one_cannot_sign(world):
    lead = world.lead(0)
    page = world.draft()
    # The lead writes words, then the author saves an unchanged-looking revision on top and submits.
    world.edit(page, user=lead, summary="Words the lead wrote.")
    world.edit(page, user=world.author)
    state = world.submit(page)
    assert state.revision.user_id == world.author.pk
    with pytest.raises(services.SignOffRefused, match="You submitted or wrote this version"):
        services.sign_off(state, lead)
    assert state not in services.task_states_awaiting_agency_of(lead)

    # Positive control: another lead of the same agency signs it.
    colleague = partner(world.agencies[0], "communications_lead", username="colleague")
    assert state in services.task_states_awaiting_agency_of(colleague)
    services.sign_off(state, colleague)


def test_words_written_before_the_last_signed_revision_do_not_bar_a_lead(world):
    lead = world.lead(0)
    page = world.draft()
    world.edit(page, user=lead, summary="The lead's first words.")
    world.edit(page, user=world.author)
    world.submit(page)
    colleague = partner(world.agencies[0], "communications_lead", username="colleague")
    services.sign_off(services.current_round(page), colleague)
    page = world.sign_all(page, but=(0,))
    assert page.live
    world.edit(page, user=world.author, summary="A later change by the author only.")
    state = world.submit(page)
    services.sign_off(state, lead)  # the lead wrote nothing since the signed revision


def test_granting_a_lead_role_is_logged_and_announced_to_the_other_leads(
    world, django_capture_on_commit_callbacks
):
    agency = world.agencies[0]
    mail.outbox.clear()  # what setting up the world sent
    with django_capture_on_commit_callbacks(execute=True):
        newcomer = partner(agency, "communications_lead", username="newcomer")
    entry = ModelLogEntry.objects.filter(action="partners.lead_granted").latest("pk")
    assert entry.data["agency"]["name"] == agency.name and entry.data["user"]["id"] == newcomer.pk
    assert [m.to for m in mail.outbox] == [[world.lead(0).email]]
    assert "newcomer" in mail.outbox[0].body.lower() or newcomer.get_full_name() in mail.outbox[0].body
    assert agency.name not in mail.outbox[0].subject and "traffick" not in mail.outbox[0].subject.lower()


def test_moving_a_lead_is_logged_and_announced_to_both_agencies(world, django_capture_on_commit_callbacks):
    mover = world.lead(0)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        move(mover, world.agencies[1])
    entry = ModelLogEntry.objects.filter(action="partners.lead_moved").latest("pk")
    assert entry.data["previous_agency"]["id"] == world.agencies[0].pk
    assert entry.data["agency"]["id"] == world.agencies[1].pk
    assert sorted(m.to[0] for m in mail.outbox) == [world.lead(1).email]  # agency A has no other lead


def test_an_ordinary_membership_change_is_not_announced(world, django_capture_on_commit_callbacks):
    membership = Membership.objects.get(user=world.author)
    before = ModelLogEntry.objects.filter(action__startswith="partners.lead_").count()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        membership.is_training_host = True
        membership.save()
    assert ModelLogEntry.objects.filter(action__startswith="partners.lead_").count() == before
    assert mail.outbox == []

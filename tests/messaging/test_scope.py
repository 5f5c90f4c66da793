"""Which agencies a round requires is decided by the page type (messaging.scope), not the tree."""

import pytest
from django.urls import reverse
from wagtail.models import ModelLogEntry, WorkflowPage, WorkflowTask

from home.models import StandardPage
from messaging import services
from messaging.models import AgencySignOffTask, MessagePage, SignOffSettings
from tests.home.factories import StandardPageFactory
from tests.messaging.factories import SignOffWorld
from tests.partners.factories import coordinator, partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(homes):
    return SignOffWorld(homes["en"])


def settings_url():
    return reverse("wagtailsettings:edit", args=["messaging", "signoffsettings", SignOffSettings.load().pk])


def site_page_agencies(*agencies):
    SignOffSettings.load().site_page_agencies.set(agencies)


def test_messages_need_every_active_agency_whatever_the_site_page_setting(world):
    site_page_agencies(world.agencies[0])
    page = world.draft()
    state = world.submit(page)
    assert set(state.required_agencies.all()) == set(world.agencies)
    world.sign_all(page, but=(1, 2))
    assert not MessagePage.objects.get(pk=page.pk).live


def test_site_pages_need_the_chosen_agencies_and_every_active_one_when_none_is_chosen(world, homes):
    page = StandardPageFactory(parent=homes["en"], title="How to get help", slug="help", live=False)
    page.save_revision(user=world.author)
    boss = coordinator(username="coord")
    services.submit_for_signoff(StandardPage.objects.get(pk=page.pk), boss)
    # Nobody chosen: every active agency.
    assert set(services.current_round(page).required_agencies.all()) == set(world.agencies)
    services.current_round(page).workflow_state.cancel(user=None)

    site_page_agencies(world.agencies[0], world.agencies[1])
    services.submit_for_signoff(StandardPage.objects.get(pk=page.pk), boss)
    state = services.current_round(page)
    assert set(state.required_agencies.all()) == {world.agencies[0], world.agencies[1]}
    services.sign_off(state, world.lead(0))
    assert not StandardPage.objects.get(pk=page.pk).live
    services.sign_off(services.current_round(page), world.lead(1))
    assert StandardPage.objects.get(pk=page.pk).live


def test_an_inactive_chosen_agency_is_not_required(world, homes):
    site_page_agencies(world.agencies[0], world.agencies[1])
    world.agencies[1].is_active = False
    world.agencies[1].save()
    page = StandardPageFactory(parent=homes["en"], slug="about", live=False)
    page.save_revision(user=world.author)
    services.submit_for_signoff(StandardPage.objects.get(pk=page.pk), coordinator(username="coord"))
    assert list(services.current_round(page).required_agencies.all()) == [world.agencies[0]]


def test_a_workflow_assigned_on_the_home_page_does_not_loosen_what_messages_need(world, homes):
    """A second sign-off workflow set on the home page is used, but its rounds ask what the page type asks."""
    from wagtail.models import Workflow

    task = AgencySignOffTask.objects.create(name="Quick sign-off")
    workflow = Workflow.objects.create(name="Quick", active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.update_or_create(page=homes["en"], defaults={"workflow": workflow})
    WorkflowPage.objects.filter(page=world.index).delete()
    site_page_agencies(world.agencies[0])
    page = world.draft()
    state = world.submit(page)
    assert state.task_id == task.pk  # the home page's workflow ...
    assert set(state.required_agencies.all()) == set(world.agencies)  # ... asks every agency


def test_the_sign_off_task_offers_no_choice_of_agencies(client, world):
    task = AgencySignOffTask.objects.get(name="Agency sign-off")
    client.force_login(coordinator(username="coord"))
    form = client.get(reverse("wagtailadmin_workflows:edit_task", args=[task.pk]))
    assert form.status_code == 200
    assert 'name="agencies"' not in form.content.decode()


def test_the_coordinator_chooses_the_site_page_agencies_and_the_change_is_logged(client, world):
    url = settings_url()
    boss = coordinator(username="coord")
    client.force_login(boss)
    response = client.post(url, {"site_page_agencies": [world.agencies[0].pk, world.agencies[2].pk]})
    assert response.status_code == 302, response.content.decode()[:500]
    assert set(SignOffSettings.load().site_page_agencies.all()) == {world.agencies[0], world.agencies[2]}
    entry = ModelLogEntry.objects.filter(action="wagtail.edit").latest("timestamp")
    assert entry.user_id == boss.pk and entry.label


def test_leads_and_authors_cannot_choose_the_site_page_agencies(client, world):
    url = settings_url()
    for user in (world.lead(0), world.author, partner(world.agencies[1], "training_host")):
        client.force_login(user)
        response = client.post(url, {"site_page_agencies": [world.agencies[0].pk]})
        assert response.status_code == 302 and response.url == reverse("wagtailadmin_home")
    assert not SignOffSettings.load().site_page_agencies.exists()

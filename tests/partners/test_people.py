"""Who is who (partners.people) and the coordinator-only guards every app uses (partners.access)."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory
from django.views import View

from partners.access import CoordinatorMenuItem, CoordinatorRequiredMixin, coordinator_required
from partners.people import host_agency_for, hosts_of, is_coordinator, lead_agency_for, leads_of
from tests.partners.factories import AgencyFactory, UserFactory, coordinator, partner

pytestmark = pytest.mark.django_db


@pytest.fixture
def agencies():
    return AgencyFactory(name="Agency A"), AgencyFactory(name="Agency B")


def fresh(user):
    return type(user).objects.get(pk=user.pk)


def test_a_lead_leads_their_active_agency_only(agencies):
    a, b = agencies
    lead = partner(a, "communications_lead")
    author = partner(a, "author")
    assert lead_agency_for(lead) == a
    assert lead_agency_for(author) is None
    assert list(leads_of(a)) == [lead] and not leads_of(b).exists()
    assert set(leads_of(a, b.pk)) == {lead}


def test_a_deactivated_agencys_lead_is_no_lead(agencies):
    a, _ = agencies
    lead = partner(a, "communications_lead")
    a.is_active = False
    a.save()
    assert lead_agency_for(fresh(lead)) is None


def test_a_deactivated_user_is_not_among_the_leads_or_hosts(agencies):
    a, _ = agencies
    lead = partner(a, "communications_lead", "training_host")
    partner(a, "communications_lead", "training_host", is_active=False)
    assert list(leads_of(a)) == [lead] and list(hosts_of(a)) == [lead]


def test_a_superuser_is_no_lead_or_host_but_passes_as_coordinator(agencies):
    a, _ = agencies
    root = UserFactory(is_superuser=True)
    assert lead_agency_for(root) is None and host_agency_for(root) is None
    assert root not in leads_of(a) and is_coordinator(root)


def test_a_host_of_one_agency_is_not_a_host_of_another(agencies):
    a, b = agencies
    host = partner(a, "training_host")
    assert host_agency_for(host) == a and lead_agency_for(host) is None
    assert list(hosts_of(a)) == [host] and not hosts_of(b).exists()
    a.is_active = False
    a.save()
    assert host_agency_for(fresh(host)) is None


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


class _CoordinatorView(CoordinatorRequiredMixin, View):
    def get(self, request):
        return HttpResponse("ok")


@coordinator_required
def _coordinator_view(request):
    return HttpResponse("ok")


@pytest.mark.parametrize("view", [_coordinator_view, _CoordinatorView.as_view()], ids=["function", "class"])
def test_the_coordinator_guards_let_only_the_coordinator_and_superusers_through(agencies, view):
    a, _ = agencies
    for user in (coordinator(a), UserFactory(is_superuser=True)):
        assert view(_request(user)).content == b"ok"
        assert CoordinatorMenuItem("Report", "/report/").is_shown(_request(user))
    for user in (partner(a, "communications_lead"), UserFactory(), coordinator(a, username="gone")):
        if user.username == "gone":
            user.is_active = False
        with pytest.raises(PermissionDenied):
            view(_request(user))
        assert not CoordinatorMenuItem("Report", "/report/").is_shown(_request(user))

"""Admin lists say "Yes" and "No" (in the admin's language), never Python's "True" and "False"
(issue 9, public details)."""

import re

import pytest
from django.urls import reverse

from tests.partners.factories import AgencyFactory, MembershipFactory, UserFactory, coordinator

pytestmark = pytest.mark.django_db


def cells(html):
    return [
        re.sub(r"<[^>]+>|\s+", " ", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", html, re.S)
    ]


def test_agency_and_membership_lists_show_yes_and_no(client):
    AgencyFactory(name="Open Door", is_active=True)
    closed = AgencyFactory(name="Closed Door", is_active=False)
    MembershipFactory(user=UserFactory(username="pat"), agency=closed, is_author=True)
    client.force_login(coordinator(username="coord"))

    for url in (reverse("agencies:index"), reverse("memberships:index")):
        html = client.get(url).content.decode()
        found = cells(html)
        assert "Yes" in found and "No" in found, url
        assert "True" not in found and "False" not in found, url
        assert not re.search(r'title="(True|False)"', html), url

"""The "last verified" date (issue 7, point 16): only the coordinator sets a date; authors and
leads tick "I have checked this entry" (today); no date in the future for anyone, CSV included."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from partners.agency_csv import AgencyImportError, import_agencies_csv
from partners.models import Agency, validate_not_in_future
from tests.partners.factories import AgencyFactory, coordinator, partner
from tests.partners.helpers import edit_form, make_csv, new_row

pytestmark = pytest.mark.django_db

OLD = datetime.date(2020, 1, 1)
FUTURE_MESSAGE = "The date cannot be in the future: use today&#x27;s date or an earlier one."


def tomorrow():
    return timezone.localdate() + datetime.timedelta(days=1)


def verified_on(agency):
    return Agency.objects.get(pk=agency.pk).last_verified_on


def post(client, agency, **changes):
    return client.post(reverse("agencies:edit", args=[agency.pk]), edit_form(agency, **changes))


@pytest.mark.parametrize("role", ["author", "communications_lead"])
def test_authors_and_leads_cannot_set_a_date_only_tick_the_box(client, role):
    agency = AgencyFactory(last_verified_on=OLD)
    client.force_login(partner(agency, role))
    html = client.get(reverse("agencies:edit", args=[agency.pk])).content.decode()
    assert 'name="last_verified_on"' not in html and 'name="confirm_verified"' in html
    assert "Last verified on" in html

    response = post(client, agency, last_verified_on="2026-01-05")
    assert response.status_code == 302  # the rest is saved; the forged date is not read
    assert verified_on(agency) == OLD

    post(client, agency, confirm_verified="on")  # positive control: the box records today
    assert verified_on(agency) == timezone.localdate()


def test_the_coordinator_sets_a_past_date_but_no_future_one(client):
    agency = AgencyFactory(last_verified_on=OLD)
    client.force_login(coordinator())
    assert post(client, agency, last_verified_on="2025-06-30").status_code == 302
    assert verified_on(agency) == datetime.date(2025, 6, 30)

    response = post(client, agency, last_verified_on=tomorrow().isoformat())
    assert response.status_code == 200
    assert FUTURE_MESSAGE in response.content.decode()
    assert verified_on(agency) == datetime.date(2025, 6, 30)


def test_the_rule_itself():
    validate_not_in_future(timezone.localdate())
    validate_not_in_future(None)
    with pytest.raises(ValidationError) as error:
        validate_not_in_future(tomorrow())
    assert error.value.code == "future_date"


def test_a_csv_import_refuses_a_future_date_as_a_row_error():
    text = make_csv([new_row(last_verified_on=tomorrow().isoformat())])
    with pytest.raises(AgencyImportError) as failure:
        import_agencies_csv(text)
    assert [(e.row, e.column, e.message) for e in failure.value.errors] == [
        (2, "last_verified_on", "The date cannot be in the future: use today's date or an earlier one.")
    ]
    assert not Agency.objects.filter(slug="new-clinic").exists()

    import_agencies_csv(make_csv([new_row(last_verified_on="2025-06-30")]))  # positive control
    assert Agency.objects.get(slug="new-clinic").last_verified_on == datetime.date(2025, 6, 30)

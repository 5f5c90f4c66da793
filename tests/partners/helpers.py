"""Helpers for the partner tests: CSV rows and the agency edit form's data."""

import csv
import io


def make_csv(rows, header=None):
    header = header or list(rows[0])
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header)
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def new_row(**values):
    row = {
        "slug": "new-clinic",
        "name": "New Clinic",
        "short_name": "NC",
        "agency_type": "health_care",
        "service_area": "Harbor County",
    }
    row.update(values)
    return row


def edit_form(agency, **changes):
    data = {
        "name": agency.name,
        "short_name": agency.short_name,
        "slug": agency.slug,
        "agency_type": agency.agency_type,
        "service_area_en": agency.service_area.get("en", ""),
        "service_area_es": agency.service_area.get("es", ""),
        "description_en": agency.description.get("en", ""),
        "description_es": agency.description.get("es", ""),
        "website": agency.website,
        "public_phone": agency.public_phone,
        "public_email": agency.public_email,
        "logo_alt_text": "",
        "contact_name": agency.contact_name,
        "contact_email": agency.contact_email,
        "last_verified_on": agency.last_verified_on.isoformat() if agency.last_verified_on else "",
        "is_active": "on",
    }
    data.update(changes)
    return data

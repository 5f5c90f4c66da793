"""The sign-off record PDF carries the words that were signed and their fingerprint, and fits its
page in Spanish as in English (issue 9, public details)."""

import io

import pytest
from django.template.loader import render_to_string
from django.utils import translation
from pypdf import PdfReader

from home.pdf import static_only_url_fetcher
from messaging import services
from messaging.invariant import content_hash
from messaging.pdf import signoff_record_context, signoff_record_pdf
from tests.messaging.factories import SignOffWorld

pytestmark = pytest.mark.django_db

BODY = [
    {"type": "heading", "value": {"text": "Señales de alerta", "level": "h2"}},
    {"type": "paragraph", "value": "<p>La trata se trata de <b>control</b>, no de fronteras.</p>"},
]


@pytest.fixture
def spanish_record(homes):
    world = SignOffWorld(homes["en"], agencies=3)
    for agency in world.agencies:
        agency.name = f"Departamento de Servicios Jurídicos y Sociales para Víctimas {agency.slug}"
        agency.save()
    page = world.published(title="Anyone can be trafficked")
    spanish = world.translate(page, summary="Cualquier persona puede ser víctima de trata.", body=BODY)
    state = world.submit(spanish)
    services.sign_off(
        state,
        world.lead(0),
        # A long address has no place to break a line: it must wrap rather than run off the page.
        comment="Aprobado con la redacción acordada en la reunión; véase https://example.org/"
        + "actadelareuniondelgrupodetrabajointerinstitucionalsobrelatratadepersonasyderechoshumanos",
    )
    spanish = world.sign_all(spanish, but=(0,))
    return spanish.live_revision


def text_of(pdf):
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def overflowing(revision, language):
    """Boxes that reach past the content area of their page (into the margin or off the paper),
    in the record rendered in `language`."""
    from weasyprint import HTML

    with translation.override(language):
        html = render_to_string(
            "messaging/pdf/signoff_record.html",
            {"LANGUAGE_CODE": language, **signoff_record_context(revision)},
        )
    document = HTML(string=html, base_url="/", url_fetcher=static_only_url_fetcher()).render()
    found = []
    for page in document.pages:
        page_box = page._page_box
        edge = page_box.content_box_x() + page_box.width
        for box in page_box.descendants():
            if box is page_box or type(box).__name__ == "MarginBox" or box.element_tag == "html":
                continue
            right = box.position_x + box.margin_width()
            if right > edge + 0.5:
                found.append((type(box).__name__, getattr(box, "text", "")[:40], round(right), round(edge)))
    return document, found


def test_the_record_carries_the_signed_words_and_their_fingerprint(spanish_record):
    text = " ".join(text_of(signoff_record_pdf(spanish_record, "es")).split())
    assert "Cualquier persona puede ser víctima de trata." in text
    assert "Señales de alerta" in text and "La trata se trata de control, no de fronteras." in text
    assert "h2" not in text.split("Señales de alerta")[1][:20]
    fingerprint = content_hash(spanish_record)
    assert fingerprint in text.replace(" ", "").replace("\n", "")


def test_the_spanish_record_fits_its_page(spanish_record):
    document, found = overflowing(spanish_record, "es")
    assert found == []
    assert len(document.pages) == 1
    assert len(PdfReader(io.BytesIO(signoff_record_pdf(spanish_record, "es"))).pages) == 1

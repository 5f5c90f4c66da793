"""Printable fact sheets: one per signed revision and language, stored, correct in every script."""

import io
import shutil
import subprocess

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, PageViewRestriction

from home.models import SafetySettings, StoredPdf
from messaging import factsheets, services
from tests.messaging.factories import localize_translation, translate_strings

pytestmark = pytest.mark.django_db


def sheet_url(page, language="en"):
    with translation.override(language):
        return reverse("fact_sheet", args=[page.pk])


def download(client, page, language="en"):
    response = client.get(sheet_url(page, language))
    assert response.status_code == 200, response.status_code
    return response, b"".join(response.streaming_content)


def pdf_text(data):
    from pypdf import PdfReader

    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _to_unicode(cmap):
    """{glyph code: text} from a font's /ToUnicode CMap (bfchar and bfrange entries)."""
    import re

    mapping = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", cmap, re.S):
        for code, text in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            mapping[int(code, 16)] = bytes.fromhex(text).decode("utf-16-be")
    for block in re.findall(r"beginbfrange(.*?)endbfrange", cmap, re.S):
        for start, end, text in re.findall(r"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>", block):
            first = int(text, 16)
            for offset, code in enumerate(range(int(start, 16), int(end, 16) + 1)):
                mapping[code] = chr(first + offset)
    return mapping


def embedded_characters(data):
    """The characters drawn with a real glyph (not .notdef) of a font embedded in the PDF, and
    the embedded fonts' names. WeasyPrint writes each font's glyphs with a /ToUnicode map from
    glyph to the text it shows (shaped Arabic glyphs map back to their letters)."""
    from pypdf import PdfReader

    characters, names = set(), []
    for page in PdfReader(io.BytesIO(data)).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            names.append(str(font["/BaseFont"]).split("+")[-1])
            described = font["/DescendantFonts"][0].get_object() if "/DescendantFonts" in font else font
            descriptor = described["/FontDescriptor"].get_object()
            program = descriptor.get("/FontFile2") or descriptor.get("/FontFile3")
            assert program is not None, f"{font['/BaseFont']} is not embedded"
            glyphs = _to_unicode(font["/ToUnicode"].get_object().get_data().decode("latin-1"))
            characters |= {char for code, text in glyphs.items() if code != 0 for char in text}
    return characters, names


def test_a_live_message_offers_its_fact_sheet_in_its_language(client, world):
    page = world.published(summary="Help is free.")
    body = client.get(page.url).content.decode()
    assert f'<a href="{sheet_url(page)}" download>Download as PDF</a>' in body

    response, data = download(client, page)
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="{page.slug}.pdf"'
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    for expected in (page.title, "Help is free.", "Agency A", "Agency B", "1-888-373-7888", page.full_url):
        assert expected in text, expected


def test_the_spanish_translation_has_its_own_sheet_in_spanish(client, world):
    page = world.published(summary="Help is free.")
    localized, spanish = localize_translation(page)
    translate_strings(localized, prefix="ES ")
    services.submit_for_signoff(spanish, world.author)
    spanish = world.sign_all(spanish)
    body = client.get(spanish.url).content.decode()
    assert sheet_url(spanish, "es") in body and "Descargar en PDF" in body

    _response, data = download(client, spanish, "es")
    text = pdf_text(data)
    assert "ES Help is free." in text and "¿Necesita ayuda ahora?" in text and "Respaldado por" in text
    # Another language's prefix is not an address of this sheet.
    assert client.get(sheet_url(spanish, "en")).status_code == 404


def test_no_sheet_for_a_draft_an_unpublished_or_a_restricted_page(client, world):
    draft = world.draft()
    assert client.get(sheet_url(draft)).status_code == 404
    page = world.published()
    assert client.get(sheet_url(page)).status_code == 200  # positive control
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    assert client.get(sheet_url(page)).status_code == 404
    PageViewRestriction.objects.filter(page=page).delete()
    Page.objects.get(pk=page.pk).unpublish()
    assert client.get(sheet_url(page)).status_code == 404
    assert client.get(sheet_url(world.index)).status_code == 404  # an index offers no sheet


def test_a_sheet_is_made_once_per_revision_and_remade_for_a_new_one(client, world, monkeypatch):
    renders = []
    real_render = factsheets.render_pdf
    monkeypatch.setattr(factsheets, "render_pdf", lambda *a, **k: renders.append(1) or real_render(*a, **k))
    page = world.published(summary="First words.")
    _r, first = download(client, page)
    _r, again = download(client, page)
    assert len(renders) == 1 and first == again
    assert StoredPdf.objects.count() == 1

    page = Page.objects.get(pk=page.pk).specific
    page.summary = "Second words."
    page.save_revision(user=world.author)
    services.submit_for_signoff(page, world.author)
    world.sign_all(page)
    _r, second = download(client, page)
    assert len(renders) == 2 and "Second words." in pdf_text(second)
    assert list(StoredPdf.objects.values_list("revision_id", flat=True)) == [
        Page.objects.get(pk=page.pk).live_revision_id
    ]


def test_a_new_hotline_number_makes_a_new_sheet(client, world):
    page = world.published()
    download(client, page)
    settings = SafetySettings.for_site(page.get_site())
    settings.hotline_phone = "1-800-000-1111"
    settings.save()
    _r, data = download(client, page)
    assert "1-800-000-1111" in pdf_text(data)
    assert StoredPdf.objects.count() == 1


def test_publishing_makes_the_sheet_in_the_background(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page = world.published()
    stored = StoredPdf.objects.get()
    assert stored.revision_id == Page.objects.get(pk=page.pk).live_revision_id
    assert stored.file.read().startswith(b"%PDF")


def test_a_stored_sheet_whose_file_is_lost_is_made_again(client, world):
    page = world.published()
    download(client, page)
    stored = StoredPdf.objects.get()
    stored.file.storage.delete(stored.file.name)
    _r, data = download(client, page)
    assert data.startswith(b"%PDF")


SCRIPTS = {
    # language: (title, a sentence) in the script the site may be translated into
    "vi": ("Sự thật về mua bán người", "Nạn nhân không phải lúc nào cũng bị bắt cóc bởi người lạ."),
    "zh-hans": ("关于人口贩卖的事实", "受害者并不总是被陌生人绑架。"),
    "ar": ("حقائق عن الاتجار بالبشر", "الضحايا لا يُختطفون دائماً على يد غرباء."),
}


def render_in(language, world):
    title, sentence = SCRIPTS[language]
    page = world.published(title=title, summary=sentence)
    context = factsheets.fact_sheet_context(Page.objects.get(pk=page.pk).specific)
    with translation.override(language):
        return factsheets.render_pdf("messaging/pdf/fact_sheet.html", context), title + sentence


@pytest.mark.parametrize(
    "language, font",
    [("vi", "Noto-Sans"), ("zh-hans", "Noto-Sans-CJK-SC"), ("ar", "Noto-Naskh-Arabic")],
)
def test_every_letter_of_the_script_has_a_glyph_in_an_embedded_font(world, language, font):
    data, words = render_in(language, world)
    characters, names = embedded_characters(data)
    missing = sorted({c for c in words if not c.isspace()} - characters)
    assert missing == [], (missing, names)
    assert font in names, names  # the script's own face, not a fallback's


@pytest.mark.skipif(
    shutil.which("pdftoppm") is None, reason="poppler-utils is not installed (make test installs it)"
)
@pytest.mark.parametrize("language, rtl", [("ar", True), ("vi", False)])
def test_a_right_to_left_sheet_is_laid_out_from_the_right(world, tmp_path, language, rtl):
    """Rendered to an image: the title's line starts at the right margin in Arabic, at the left
    margin otherwise."""
    from PIL import Image

    data, _words = render_in(language, world)
    (tmp_path / "sheet.pdf").write_bytes(data)
    subprocess.run(  # noqa: S603 - fixed argument list
        [
            shutil.which("pdftoppm"),
            "-r",
            "40",
            "-f",
            "1",
            "-l",
            "1",
            "-png",
            str(tmp_path / "sheet.pdf"),
            str(tmp_path / "p"),
        ],
        check=True,
        timeout=60,
    )
    image = Image.open(next(tmp_path.glob("p*.png"))).convert("L")
    width, height = image.size
    pixels = image.load()
    lines, current = [], None
    for y in range(height):
        ink = [x for x in range(width) if pixels[x, y] < 128]
        if ink and current is None:
            current = [y, min(ink), max(ink)]
        elif ink:
            current[1], current[2] = min(current[1], min(ink)), max(current[2], max(ink))
        elif current is not None:
            lines.append(current)
            current = None
    # Text lines, not the rules under the kicker and above the source (they span the whole width).
    text_lines = [line for line in lines if line[2] - line[1] < 0.8 * width]
    title = text_lines[1]  # the kicker, then the title
    left_gap, right_gap = title[1], width - title[2]
    if rtl:
        assert right_gap < left_gap, (left_gap, right_gap)
    else:
        assert left_gap < right_gap, (left_gap, right_gap)


def test_an_explainer_sheet_tells_each_myth_its_fact_and_sources(client, world):
    page = world.published_explainer(title="Myths about movement", summary="Control, not movement.")
    body = client.get(page.url).content.decode()
    assert f'<a href="{sheet_url(page)}" download>Download as PDF</a>' in body
    _response, data = download(client, page)
    text = " ".join(pdf_text(data).split())
    item = page.myths_and_facts[0].value
    assert "Myth:" in text and item["myth"] in text and "Fact" in text and "Sources" in text
    citation = item["evidence"][0]
    assert citation["organisation"] in text and citation["url"] in text
    assert "Facts checked on" in text and "Words that respect people" in text

import pytest

from home.pdf import (
    PdfRenderingError,
    PdfResourceRefused,
    render_pdf,
    static_file_for_url,
    static_only_url_fetcher,
)


def test_pdf_fetcher_serves_static_files():
    response = static_only_url_fetcher().fetch("/static/css/print-pdf.css")
    assert b"@page" in response.read()
    assert static_file_for_url("/static/css/print-pdf.css").name == "print-pdf.css"


@pytest.mark.parametrize(
    "url", ["https://fonts.example.com/font.woff2", "file:///etc/passwd", "/media/secret.png", "/static/../x"]
)
def test_pdf_fetcher_refuses_everything_else(url):
    with pytest.raises(PdfResourceRefused):
        static_file_for_url(url)


def test_a_template_that_loads_a_remote_resource_fails_instead_of_fetching_it(tmp_path, settings):
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    (tmp_path / "remote.html").write_text(
        '<link rel="stylesheet" href="https://cdn.example.com/x.css"><p>Hi</p>'
    )
    with pytest.raises(PdfRenderingError) as raised:
        render_pdf("remote.html", {})
    # An ordinary exception for Django's error handling, caused by WeasyPrint's refusal to fetch.
    assert "cdn.example.com" in str(raised.value.__cause__)

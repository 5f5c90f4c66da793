import pytest

from home.pdf import PdfResourceRefused, static_only_url_fetcher


def test_pdf_fetcher_serves_static_files():
    result = static_only_url_fetcher("/static/css/print-pdf.css")
    assert b"@page" in result["string"] and result["mime_type"] == "text/css"


@pytest.mark.parametrize(
    "url", ["https://fonts.example.com/font.woff2", "file:///etc/passwd", "/media/secret.png", "/static/../x"]
)
def test_pdf_fetcher_refuses_everything_else(url):
    with pytest.raises(PdfResourceRefused):
        static_only_url_fetcher(url)

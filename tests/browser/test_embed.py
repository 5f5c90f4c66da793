"""The embeddable message in a real browser: framed by another site, axe-clean, in both languages."""

import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, HTTPServer

import pytest

from tests.browser.conftest import describe

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(
    ("path", "title"),
    [
        ("/en/embed/message/", "Anyone can be trafficked, and help is here"),
        ("/es/embed/message/", "Cualquier persona puede ser víctima de trata, y aquí hay ayuda"),
    ],
)
def test_embed_has_no_axe_violations_and_loads_nothing_from_elsewhere(visit, messages_site, path, title):
    visit.go(path)
    assert visit.page.locator("h1").inner_text() == title
    violations = visit.axe_violations()
    assert violations == [], describe(violations)
    foreign = [url for url in visit.requests if not url.startswith(visit.base_url)]
    assert foreign == [] and visit.console_errors == []


@contextmanager
def partner_site(html):
    """Another site, on this machine (another origin: its own port), serving one page that frames
    ours. A real server, not a Playwright route: Chrome treats a fulfilled page as public, and a
    public page may not frame a local address (Local Network Access), whatever our headers say."""

    class PartnerPage(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 - the name http.server calls
            body = html.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = HTTPServer(("127.0.0.1", 0), PartnerPage)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def framed(visit, path):
    """Open the partner's page framing `path` of ours; return the frame once it has loaded."""
    html = (
        '<!DOCTYPE html><html lang="en"><title>Partner</title>'
        f'<iframe title="Message" src="{visit.base_url}{path}"></iframe></html>'
    )
    with partner_site(html) as url:
        assert not url.startswith(visit.base_url)
        visit.page.goto(url)
        visit.page.wait_for_load_state("load")
    frame = visit.page.locator("iframe").element_handle().content_frame()
    frame.wait_for_load_state("load")
    return frame


def test_another_site_may_frame_the_embed(visit, messages_site):
    frame = framed(visit, "/en/embed/message/")
    link = frame.get_by_role("link", name="Read the full message")
    link.wait_for()
    assert link.get_attribute("href").endswith("/en/message/anyone-can-be-trafficked/")


def test_another_site_may_not_frame_an_ordinary_page(visit, messages_site):
    frame = framed(visit, "/en/message/anyone-can-be-trafficked/")
    # The browser refuses to show it: the frame holds its own error page, none of our words.
    assert "Anyone can be trafficked" not in frame.content()
    assert frame.locator("h1").count() == 0 or "trafficked" not in frame.locator("body").inner_text()

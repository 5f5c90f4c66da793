"""Helpers shared by tests of several apps (a test module never imports another test module)."""

from html.parser import HTMLParser

FOCUSABLE = {"a", "button", "input", "select", "textarea", "summary"}


class FirstFocusable(HTMLParser):
    def __init__(self):
        super().__init__()
        self.in_body = False
        self.found = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "body":
            self.in_body = True
        elif (
            self.in_body
            and self.found is None
            and tag in FOCUSABLE
            and (tag != "a" or "href" in attrs)
            and attrs.get("type") != "hidden"
            and attrs.get("tabindex") != "-1"
        ):
            self.found = (tag, attrs)


class ExternalResources(HTMLParser):
    """Every URL the browser would fetch by itself (not links a reader may follow)."""

    def __init__(self):
        super().__init__()
        self.urls = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in {"script", "img", "iframe", "source", "audio", "video", "embed"} and attrs.get("src"):
            self.urls.append(attrs["src"])
        if tag == "img" and attrs.get("srcset"):
            self.urls.extend(part.split()[0] for part in attrs["srcset"].split(","))
        if tag == "link" and attrs.get("rel") in {"stylesheet", "icon", "preload", "manifest"}:
            self.urls.append(attrs["href"])
        if tag == "object" and attrs.get("data"):
            self.urls.append(attrs["data"])


def dashboard_panel(html, panel_id):
    """The HTML of one admin dashboard panel ({% panel id=... %}), or None when it is not there."""
    start = html.find(f'id="{panel_id}-section"')
    if start == -1:
        return None
    return html[start : html.index("</section>", start)]

"""Browser layer: Playwright for Python driving Debian's Chromium, axe-core for accessibility.

Chromium runs with the flags DESIGN.md lists (no background networking: this machine has no
outside network, and a public page must not need it). Every test gets a fresh context and
records every request the page makes.
"""

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NEUTRAL_URL = "https://www.weather.gov/"


def _unavailable(reason):
    if os.environ.get("REQUIRE_BROWSER"):
        pytest.fail(f"{reason} (REQUIRE_BROWSER is set, as in CI)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def chromium():
    if not Path(CHROMIUM).exists():
        _unavailable(f"Chromium is not installed at {CHROMIUM} (make test installs Debian's chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright is not installed (make test installs requirements-dev.txt)")
    # Playwright's sync API runs an event loop in this thread, which makes Django refuse ORM calls
    # here; the test's own ORM calls are synchronous and safe, so allow them while it runs.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def demo_site(transactional_db):
    """The demo content (English and Spanish pages, settings) in the live server's database,
    its pages published through real sign-off rounds."""
    from home.demo import seed
    from home.seeding import SeedReport
    from tests.home.factories import build_site
    from tests.signing import publish_drafts

    build_site(languages=("en",))  # a transactional test starts from empty tables
    seed(SeedReport())
    publish_drafts()


class Visit:
    """A browser tab that remembers every URL it requested."""

    def __init__(self, context, base_url):
        self.context = context
        self.base_url = base_url.rstrip("/")
        self.page = context.new_page()
        self.requests = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.console_errors = []
        self.page.on(
            "console", lambda message: message.type == "error" and self.console_errors.append(message.text)
        )

    def go(self, path):
        response = self.page.goto(self.base_url + path)
        self.page.wait_for_load_state("load")
        return response

    def axe_violations(self, context=None):
        """axe-core's WCAG 2.2 A/AA and best-practice violations, for the page or a CSS selector in it."""
        if not AXE_JS.exists():
            _unavailable("axe-core is not installed (make test runs npm ci)")
        self.page.evaluate(AXE_JS.read_text())
        result = self.page.evaluate(
            """async (context) => {
                const results = await axe.run(context ? document.querySelector(context) : document, {
                    runOnly: {
                        type: 'tag',
                        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
                    },
                });
                return results.violations.map(v => ({
                    id: v.id, impact: v.impact, help: v.help,
                    nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5),
                }));
            }""",
            context,
        )
        return result

    def axe_against_allowlist(self, allowed):
        """axe's violations on the page, set against `allowed`: {(rule id, CSS selector): reason},
        the violations left in Wagtail's and wagtail-localize's own widgets (README, Accessibility).

        Returns (new, fixed): every violating element that no entry of the same rule matches (any
        in our own markup among them), and every entry that matched nothing (fixed upstream: take
        it out of the list and the README). The selector "html" stands for a page-wide rule.
        """
        if not AXE_JS.exists():
            _unavailable("axe-core is not installed (make test runs npm ci)")
        self.page.evaluate(AXE_JS.read_text())
        return self.page.evaluate(
            """async (allowed) => {
                const results = await axe.run(document, {
                    runOnly: {
                        type: 'tag',
                        values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'],
                    },
                });
                const used = new Set();
                const fresh = [];
                for (const violation of results.violations) {
                    for (const node of violation.nodes) {
                        const [first, ...inFrame] = node.target;
                        const element = inFrame.length ? null : document.querySelector(first);
                        const matches = allowed.filter(([rule, selector]) =>
                            rule === violation.id && element && element.matches(selector));
                        matches.forEach(([rule, selector]) => used.add(rule + ' ' + selector));
                        if (!matches.length) {
                            fresh.push({id: violation.id, help: violation.help, target: node.target.join(' '),
                                        html: node.html.slice(0, 200)});
                        }
                    }
                }
                const fixed = allowed.filter(([rule, selector]) => !used.has(rule + ' ' + selector));
                return [fresh, fixed];
            }""",
            [list(key) for key in allowed],
        )


@pytest.fixture
def visit(chromium, live_server):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    # The quick exit's neutral site is on the internet, which this test machine cannot reach;
    # answer for it locally so that the navigation itself can be observed.
    context.route(
        "https://www.weather.gov/**",
        lambda route: route.fulfill(
            status=200, content_type="text/html", body="<title>Weather</title><p>Weather"
        ),
    )
    tab = Visit(context, live_server.url)
    yield tab
    context.close()


def describe(violations):
    return json.dumps(violations, indent=2)


@pytest.fixture
def messages_site(demo_site):
    from home.seeding import SeedReport
    from messaging import demo
    from tests.partners.factories import AgencyFactory, partner
    from tests.signing import publish_drafts

    # Names of different lengths, as real ones are ("Endorsed by" must still line them up).
    names = ["Partner agency 0", "Partner agency 1 of the Harbor County legal services", "Partner agency 2"]
    agencies = [AgencyFactory(name=name, slug=f"partner-{i}") for i, name in enumerate(names)]
    for agency in agencies:
        partner(
            agency,
            "communications_lead",
            username=f"{agency.slug}-lead",
            first_name="Lead",
            last_name=agency.name,
        )
    partner(agencies[0], "author", username="partner-0-author")
    demo.seed(SeedReport(created=[]))
    publish_drafts()  # the message index pages
    return agencies


def login(visit, username):
    """Sign `username` in, in the browser tab, as the Django test client would."""
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    visit.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": visit.base_url}]
    )

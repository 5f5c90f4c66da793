"""Pages render with a fixed number of queries, whatever the size of the site."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.home.factories import SiteTextFactory, StandardPageFactory, configure_safety

pytestmark = pytest.mark.django_db

# The whole page: site and route lookup, locale, menu, translations for the language switcher
# and hreflang, safety settings and site text. Measured at 17 on SQLite; headroom for drivers.
HOME_PAGE_QUERY_BUDGET = 20


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize("url", ["/en/", "/en/section-0/"])
def test_page_queries_do_not_grow_with_50_more_pages(client, homes, url):
    safety = StandardPageFactory(parent=homes["en"], title="Safety", slug="safety")
    configure_safety(safety_page=safety, site_text=SiteTextFactory())
    for n in range(5):
        StandardPageFactory(parent=homes["en"], title=f"Section {n}", slug=f"section-{n}")
    client.get(url)  # warm per-process caches (site root paths)
    before = count_queries(client, url)

    for n in range(50):
        parent = homes["en"] if n % 2 else homes["en"].get_children().first()
        StandardPageFactory(parent=parent, title=f"More {n}", slug=f"more-{n}", show_in_menus=n % 3 == 0)
    client.get(url)
    after = count_queries(client, url)

    assert after == before
    assert after <= HOME_PAGE_QUERY_BUDGET

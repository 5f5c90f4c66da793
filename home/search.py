"""Site search: plain functions the view and the tests call."""

from dataclasses import dataclass

from django.conf import settings
from django.core.paginator import Paginator
from wagtail.models import Locale, Page
from wagtail.search.query import And, Or, PlainText

from .stemming import WORD, fold, stem


@dataclass
class SearchOutcome:
    query: str = ""
    truncated: bool = False
    results: object = None  # a django.core.paginator.Page, or None when nothing was asked
    paginator: object = None


def clean_query(raw):
    """Collapse white space and cut the query to SEARCH_MAX_QUERY_LENGTH characters.

    Returns (query, truncated). Control characters are dropped: they can only come from a
    crafted URL and some database back-ends refuse them. Double quotes are dropped too: the
    SQLite full-text back-end passes an unbalanced one to FTS5, which fails with
    "unterminated string" (tests/home/test_search.py), and they mean nothing to our search.
    """
    text = "".join(ch if ch.isprintable() and ch != '"' else " " for ch in (raw or ""))
    text = " ".join(text.split())
    limit = settings.SEARCH_MAX_QUERY_LENGTH
    if len(text) > limit:
        return text[:limit].rstrip(), True
    return text, False


def search_pages(raw_query, *, locale=None, page_number=1, per_page=None):
    """Search live, public pages in one language.

    An empty query returns no results (the page then invites the visitor to type something);
    an over-long one is searched on its first SEARCH_MAX_QUERY_LENGTH characters and flagged.
    """
    query, truncated = clean_query(raw_query)
    outcome = SearchOutcome(query=query, truncated=truncated)
    if not query:
        return outcome
    locale = locale or Locale.get_active()
    pages = Page.objects.live().public().filter(locale=locale).specific()
    hits = pages.search(stemmed_query(query, locale.language_code))
    # A bad or out-of-range page number gives the first or last page.
    outcome.results = Paginator(hits, per_page or settings.SEARCH_RESULTS_PER_PAGE).get_page(page_number)
    outcome.paginator = outcome.results.paginator
    return outcome


def stemmed_query(query, language):
    """Every typed word must match, as written or by its stem in `language` (the pages' own
    `search_stems`, home.stemming): "víctimas" finds a page that only says "víctima"."""
    words = WORD.findall(query)
    if not words:
        return PlainText(query)
    alternatives = []
    for word in words:
        forms = dict.fromkeys([word, fold(word), stem(word, language)])
        alternatives.append(Or([PlainText(form) for form in forms]) if len(forms) > 1 else PlainText(word))
    return And(alternatives) if len(alternatives) > 1 else alternatives[0]

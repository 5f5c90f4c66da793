"""Search that finds a word's other forms in the page's language ("víctimas" finds "víctima").

Wagtail's database search backend gives every row one text-search configuration (on PostgreSQL
`english` by default; SQLite's FTS5 does not stem at all), whatever the page's language. So each
searchable page also indexes `search_stems`: its words reduced to their stems by the Snowball
stemmer of its own language (snowballstemmer; accents folded), and the site search looks for each
typed word or its stem in the visitor's language (home.search). Languages Snowball has no
stemmer for (Vietnamese, Chinese, ...) are matched on whole words, folded the same way.
"""

import functools
import re
import unicodedata

import snowballstemmer
from django.conf.locale import LANG_INFO
from django.core.exceptions import FieldDoesNotExist

WORD = re.compile(r"\w+", re.UNICODE)


@functools.cache
def _stemmer(language):
    name = LANG_INFO.get(language, {}).get("name", "").lower()
    if name in snowballstemmer.algorithms():
        return snowballstemmer.stemmer(name)
    return None


def fold(word):
    """Lower case without accents: "Víctima" -> "victima"."""
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def stem(word, language):
    stemmer = _stemmer((language or "").split("-")[0])
    word = word.lower()
    return fold(stemmer.stemWord(word) if stemmer else word)


def stems(text, language):
    """Every word of `text` as its stem in `language`, space separated."""
    return " ".join(stem(word, language) for word in WORD.findall(text or ""))


def searchable_text(page):
    """The text of a page's indexed fields (search_fields), StreamFields included."""
    from wagtail.search import index

    parts = []
    for search_field in page.search_fields:
        if not isinstance(search_field, index.SearchField) or search_field.field_name == "search_stems":
            continue
        value = getattr(page, search_field.field_name, None)
        if callable(value):
            value = value()
        try:
            field = page._meta.get_field(search_field.field_name)
        except FieldDoesNotExist:  # a method or property, not a model field
            field = None
        if field is not None and hasattr(field, "get_searchable_content"):
            parts.extend(str(text) for text in field.get_searchable_content(value))
        elif value:
            parts.append(str(value))
    return " ".join(parts)


class StemmedSearchMixin:
    """Add `index.SearchField("search_stems")` to the page type's search_fields."""

    def search_stems(self):
        return stems(searchable_text(self), self.locale.language_code)

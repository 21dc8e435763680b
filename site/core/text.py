"""Text helpers shared by the directory and the search: the folded key, the meaningful words of a query,
their light stem, and rich text as plain text. They live in core, with the other helpers several apps
share, so that the directory's rows and the search's queries are folded by one function.
"""

import re
import unicodedata

from wagtail.rich_text import get_text_for_indexing


def fold(text):
    """Case- and accent-insensitive key: 'Mediació Familiar' and 'mediacio familiar' match."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()


def plain_text(html):
    """Rich text as plain text for open data (exports, API, JSON-LD): tags dropped with a space between
    blocks, then entities decoded, so "Pa &amp; roses" reads "Pa & roses". Whoever displays it escapes
    it, as with any other field."""
    if not html or ("<" not in html and "&" not in html):
        return html or ""  # most rows: nothing to strip or decode, and the parser is slow
    return get_text_for_indexing(html)


# Articles, prepositions and conjunctions that carry no meaning in a search box (folded): Catalan, and
# the Spanish and English ones people also type.
STOP_WORDS = frozenset(
    [
        "a",
        "al",
        "als",
        "amb",
        "de",
        "del",
        "dels",
        "des",
        "el",
        "els",
        "en",
        "entre",
        "es",
        "i",
        "la",
        "les",
        "lo",
        "los",
        "o",
        "per",
        "pel",
        "pels",
        "que",
        "un",
        "una",
        "uns",
        "unes",
        "y",
        "las",
        "con",
        "para",
        "por",
        "the",
        "of",
        "and",
        "in",
        "for",
        "to",
        "with",
    ]
)
MIN_STEM = 4
# Apostrophes and the middle dot split words, as they do in the indexes ("d’habitatge", "col·lectiu");
# `fold` would drop them and glue the pieces.
SPLITTERS = re.compile(r"['’`´·]")


def words(query):
    """The query's meaningful words, folded: "Cooperatives d'habitatge a Gràcia" →
    ["cooperatives", "habitatge", "gracia"]."""
    return [
        word for word in fold(SPLITTERS.sub(" ", query)).split() if len(word) > 1 and word not in STOP_WORDS
    ]


def light_stem(word):
    """Drop a final -es, -s, -a, -e or -o when a stem of MIN_STEM letters remains."""
    for ending in ("es", "s", "a", "e", "o"):
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word

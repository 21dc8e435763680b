"""Catalan query text, the same for every backend: words folded, stop words and elided articles out.

`light_stem` is the SQLite backend's stand-in for a stemmer (FTS5 has none for Catalan): it cuts a
plural or gender ending so that a prefix match finds both forms ("cooperatives" → "cooperativ*" finds
"cooperativa"). PostgreSQL and Elasticsearch stem with real Catalan stemmers instead.
"""

import re

from directori.text import fold

# Articles, prepositions and conjunctions that carry no meaning in a search box (folded): Catalan, and
# the Spanish ones people also type.
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

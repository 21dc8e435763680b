"""Catalan query text, the same for every backend: words folded, stop words and elided articles out.

The rules live in directori/text.py, beside `fold`, because the directory reads queries with them too
(directori/needs.py); the search backends import them from here.

`light_stem` is the SQLite backend's stand-in for a stemmer (FTS5 has none for Catalan): it cuts a
plural or gender ending so that a prefix match finds both forms ("cooperatives" → "cooperativ*" finds
"cooperativa"). PostgreSQL and Elasticsearch stem with real Catalan stemmers instead.
"""

from directori.text import STOP_WORDS, light_stem, words

__all__ = ["STOP_WORDS", "light_stem", "words"]

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

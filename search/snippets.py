"""Highlighted snippets, made here rather than by the backend so that every backend gives them."""

import re
import unicodedata

from django.utils.html import escape
from django.utils.safestring import mark_safe

from core.text import light_stem

LENGTH = 220
BEFORE = 60


def _fold_in_place(text):
    """`text` lower-cased and without accents, one character for each character, so that positions
    found in it are positions in `text`."""
    return "".join(unicodedata.normalize("NFKD", ch)[0].lower()[0] for ch in text)


def highlight(text, query):
    """About LENGTH characters of `text` from a little before the first word of `query` (folded words),
    escaped, with every word that starts like a query word in <mark>."""
    text = " ".join(text.split())
    stems = [light_stem(word) for word in query.split()]
    if not text or not stems:
        return ""
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, stems)) + r")\w*")
    found = list(pattern.finditer(_fold_in_place(text)))
    start = 0
    if found and found[0].start() > BEFORE:
        start = text.find(" ", found[0].start() - BEFORE) + 1
    end = len(text) if len(text) - start <= LENGTH else text.rfind(" ", start, start + LENGTH)
    end = end if end > start else start + LENGTH
    pieces, position = ["…" if start else ""], start
    for match in found:
        if match.start() < position or match.end() > end:
            continue
        pieces += [
            escape(text[position : match.start()]),
            f"<mark>{escape(match.group() and text[match.start() : match.end()])}</mark>",
        ]
        position = match.end()
    pieces += [escape(text[position:end]), "…" if end < len(text) else ""]
    return mark_safe("".join(pieces))  # noqa: S308  (every piece of text is escaped above)

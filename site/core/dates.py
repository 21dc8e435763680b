"""Dates as people read them, in the active language: "1 de març de 2024", "20 d'octubre de 2025",
"1 de marzo de 2024", "1 March 2024".

The one way the site writes a date for people (pages, the admin panels we render, exports' text):
the format is the language's DATE_FORMAT (`core/formats/`), and Catalan then elides "de" before a
vowel or an h, which no Django format string can express. Machine fields (`<time datetime>`, CSV and
JSON columns) stay ISO 8601.
"""

import datetime

from django.utils import formats, timezone, translation

from . import catalan


def elide(text, language=None):
    """Catalan's apostrophe: "20 de octubre" → "20 d'octubre"; other languages as they are."""
    language = (language or translation.get_language() or "ca")[:2]
    return catalan.elide(text) if language == "ca" else text


def long_date(value):
    """A date (or datetime) in the active language's long form; "" for none."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)  # the day in Barcelona, as the `date` filter would show it
    return elide(formats.date_format(value, "DATE_FORMAT"))

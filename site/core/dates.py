"""Dates as people read them, in the active language: "1 de març de 2024", "20 d'octubre de 2025",
"1 de marzo de 2024", "1 March 2024".

The format is the language's DATE_FORMAT (`core/formats/`), so Django's `|date:"DATE_FORMAT"` and
Wagtail's admin dates read the same; `long_date` is the one way our templates and code write a date
for people. Machine fields (`<time datetime>`, CSV and JSON columns) stay ISO 8601.
"""

import datetime

from django.utils import formats, timezone
from django.utils.translation import pgettext_lazy

# Catalan's DATE_FORMAT writes the month as its "alternative" name (`E`), which our catalogue gives with
# the preposition, elided before a vowel: "de març", "d'abril", "d'agost", "d'octubre". Django's own
# catalogue has the bare names. Listed here so that `make messages` keeps those entries.
MONTHS_WITH_PREPOSITION = (
    pgettext_lazy("alt. month", "January"),
    pgettext_lazy("alt. month", "February"),
    pgettext_lazy("alt. month", "March"),
    pgettext_lazy("alt. month", "April"),
    pgettext_lazy("alt. month", "May"),
    pgettext_lazy("alt. month", "June"),
    pgettext_lazy("alt. month", "July"),
    pgettext_lazy("alt. month", "August"),
    pgettext_lazy("alt. month", "September"),
    pgettext_lazy("alt. month", "October"),
    pgettext_lazy("alt. month", "November"),
    pgettext_lazy("alt. month", "December"),
)


def long_date(value):
    """A date (or datetime) in the active language's long form; "" for none."""
    if not value:
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)  # the day in Barcelona, as the `date` filter would show it
    return formats.date_format(value, "DATE_FORMAT")

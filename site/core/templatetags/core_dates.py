"""`{{ value|long_date }}`: a date for people, "20 d'octubre de 2025" (see core.dates); `{{ sentence|in_catalan }}`
for a translated sentence around a date, whose Catalan article elides before the day 1 or 11
("expirada l'1 de gener": see core.catalan)."""

from django import template

from core.catalan import in_catalan
from core.dates import long_date as _long_date

register = template.Library()
register.filter("long_date", _long_date)
register.filter("in_catalan", in_catalan, is_safe=True)  # adds apostrophes and letters only: safe stays safe

"""`{{ value|long_date }}`: a date for people, "20 d'octubre de 2025" (see core.dates)."""

from django import template

from core.dates import long_date as _long_date

register = template.Library()
register.filter("long_date", _long_date)

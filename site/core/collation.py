"""Names sorted as each language sorts them, in Python and in the database alike.

Byte order puts "Transició energètica" before "Tèxtil" and "Acompanya Verdun" before "Acompanya el
Baix Guinardó"; Catalan (like Spanish and English) compares letters first, then accents, then case:
"Tèxtil" < "Transició energètica", "Acompanya el Baix Guinardó" < "Acompanya Verdun".

One set of rules, ICU's (the CLDR rules of each language), serves the three places a list is sorted:

- Python: `sort_key(text)` (PyICU), for lists built in memory;
- PostgreSQL: the ICU collations Debian's PostgreSQL ships ("ca-x-icu", "es-x-icu", "en-x-icu");
- SQLite: collations of the same names, registered on every new connection, that compare with PyICU.

So `order_by(Collated("name"))` sorts the same on both databases, in the language active when the
query runs.
"""

import functools

from django.conf import settings
from django.db.backends.signals import connection_created
from django.db.models import F, Value
from django.db.models.functions import Coalesce, Collate, NullIf

import icu

from .language import current_language, site_language


def _language(language):
    """The language given (as one of the site's), else the active one."""
    return site_language(language) if language else current_language()


def collation_name(language=None):
    """The database collation of a language: PostgreSQL's ICU name, which SQLite gets too."""
    return f"{_language(language)}-x-icu"


@functools.cache
def collator(language):
    """ICU's collator for a language (cached: building one reads the CLDR rules). Its compare and
    sort keys are read-only, so one instance serves every thread."""
    return icu.Collator.createInstance(icu.Locale(language))


def sort_key(text, language=None):
    """A key that sorts strings as the language does ("" for None)."""
    return collator(_language(language)).getSortKey(text or "")


def sorted_by_name(items, key=str, language=None):
    """`items` sorted as the language sorts their names (`key` gives an item's name)."""
    return sorted(items, key=lambda item: sort_key(key(item), language))


class Collated(Collate):
    """`field` compared with the active language's collation when the query is compiled, not when
    it is written. Not for `Meta.ordering`: modelcluster sorts in-memory relations by those fields
    and takes every entry for a field name.

    `translated=True` is for names kept in three columns (`name`, `name_es`, `name_en`, read through
    `label`): the list follows the name the visitor reads, the Catalan one where a translation is empty.
    """

    def __init__(self, field, translated=False):
        super().__init__(F(field), collation_name(settings.LANGUAGE_CODE))
        self.name_field, self.translated = field, translated

    def resolve_expression(self, *args, **kwargs):
        language = current_language()
        if self.translated and language != settings.LANGUAGE_CODE:
            copy = self.copy()
            own = NullIf(F(f"{self.name_field}_{language}"), Value(""))
            copy.set_source_expressions([Coalesce(own, F(self.name_field))])
            return super(Collated, copy).resolve_expression(*args, **kwargs)
        return super().resolve_expression(*args, **kwargs)

    def as_sql(self, compiler, connection, **extra_context):
        extra_context.setdefault("collation", connection.ops.quote_name(collation_name()))
        return super().as_sql(compiler, connection, **extra_context)


def _compare(language):
    compare = collator(language).compare
    return lambda a, b: compare(a or "", b or "")


def register_sqlite_collations(sender, connection, **kwargs):
    """Give each new SQLite connection the collations PostgreSQL has, backed by the same ICU rules."""
    if connection.vendor != "sqlite":
        return
    for code, _name in settings.LANGUAGES:
        connection.connection.create_collation(collation_name(code), _compare(code))


connection_created.connect(register_sqlite_collations, dispatch_uid="core.collation.sqlite")

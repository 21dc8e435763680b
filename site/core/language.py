"""The visitor's language, and the texts kept in one column per language.

Every app asks "which of our languages is this request in?" and reads vocabularies kept as `name`
(Catalan), `name_es`, `name_en`; one answer here keeps them from drifting apart (the fallback had been
copied five times, with two different defaults).
"""

from django.conf import settings
from django.utils import translation


def current_language():
    """The active language's two-letter code when it is one of the site's languages, else the default
    (Catalan): outside a request (commands, tasks) nothing is active, and an admin's language may carry
    a region ("en-gb")."""
    language = (translation.get_language() or settings.LANGUAGE_CODE)[:2]
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def in_language(obj, field):
    """`obj.<field>_<language>` for the visitor's language when it is filled in, else `obj.<field>`
    (Catalan). Every vocabulary kept in three columns reads its label through this."""
    return getattr(obj, f"{field}_{current_language()}", "") or getattr(obj, field)


def fallback_lang(obj, field):
    """ "ca" when `in_language(obj, field)` gives the Catalan text to a visitor reading another language,
    else "". Templates put it in a `lang` attribute, so screen readers read that text with a Catalan
    voice and browsers hyphenate and translate it as Catalan (WCAG 3.1.2)."""
    language = current_language()
    if language == settings.LANGUAGE_CODE or getattr(obj, f"{field}_{language}", ""):
        return ""
    return settings.LANGUAGE_CODE

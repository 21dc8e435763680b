"""The crisis banner: while a live coordinated-table page has crisis mode on, every public page shows
a banner linking to its urgent needs. Read once per language and kept in the cache until such a page
is published, unpublished or deleted (signals in apps.py), so pages pay one cache read for it."""

from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

KEY = "sectors:crisis:{}"
NONE = "none"  # cached "no crisis", told apart from a cache miss


def current_crisis(language):
    """{"title", "message", "url"} of the crisis in the visitor's language (or in another language
    when the page is not translated yet), or None."""
    key = KEY.format(language)
    value = cache.get(key)
    if value is None:
        value = _find(language) or NONE
        cache.set(key, value, 3600)
    return None if value == NONE else value


def _find(language):
    from .models import CoordinationTablePage

    pages = list(CoordinationTablePage.objects.live().filter(crisis_mode=True).select_related("locale"))
    page = next((p for p in pages if p.locale.language_code == language), pages[0] if pages else None)
    if page is None:
        return None
    return {
        "title": page.crisis_title,
        "message": page.crisis_message,
        "url": f"{page.get_url()}#necessitats",
    }


def forget(**kwargs):
    cache.delete_many([KEY.format(code) for code, _ in settings.LANGUAGES])


def crisis(request):
    """Context processor: `crisis` for base.html, looked up only if a template reads it."""
    return {
        "crisis": SimpleLazyObject(lambda: current_crisis((get_language() or settings.LANGUAGE_CODE)[:2]))
    }

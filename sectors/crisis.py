"""The crisis banner: while the coordinated table's live page in the default language (Catalan) has
crisis mode on, every public page shows a banner linking to the urgent needs, in the visitor's
language when the page is translated. Read once per language and kept in the cache for a minute, and
forgotten when such a page is published, unpublished or deleted (signals in apps.py). With a shared
cache (Redis, `REDIS_URL`) every process sees a change at once; with the per-process default, within
a minute."""

from django.conf import settings
from django.core.cache import cache
from django.utils.functional import SimpleLazyObject

from core.language import current_language

KEY = "sectors:crisis:{}"
NONE = "none"  # cached "no crisis", told apart from a cache miss


def current_crisis(language):
    """{"title", "message", "url"} of the crisis in the visitor's language (in Catalan while the page
    is not translated), or None."""
    key = KEY.format(language)
    value = cache.get(key)
    if value is None:
        value = _find(language) or NONE
        cache.set(key, value, 60)
    return None if value == NONE else value


def _find(language):
    from .models import CoordinationTablePage

    live = CoordinationTablePage.objects.live()
    source = live.filter(crisis_mode=True, locale__language_code=settings.LANGUAGE_CODE).first()
    if source is None:
        return None
    page = (
        live.filter(translation_key=source.translation_key, locale__language_code=language).first() or source
    )
    return {
        "title": page.crisis_title,
        "message": page.crisis_message,
        "url": f"{page.get_url()}#necessitats",
    }


def forget(**kwargs):
    cache.delete_many([KEY.format(code) for code, _ in settings.LANGUAGES])


def crisis(request):
    """Context processor: `crisis` for base.html, looked up only if a template reads it."""
    return {"crisis": SimpleLazyObject(lambda: current_crisis(current_language()))}

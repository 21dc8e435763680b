"""Template tags for the site shell: main navigation and the language switcher."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation

from wagtail.models import Locale, Page

from core.navigation import SECTIONS

register = template.Library()


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    path = context["request"].path
    items = [
        {"url": section.url, "label": section.label, "current": path.startswith(section.url)}
        for section in SECTIONS
    ]
    return {"items": items}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this same content in each language.

    On a Wagtail page, the link goes to the page's live translation, or to that language's home page
    when the page is not translated yet; on any other view, to the same URL under the other prefix.
    """
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    links = []
    for code, name in settings.LANGUAGES:
        if isinstance(page, Page):
            url = _translated_page_url(page, code, request)
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}


def _translated_page_url(page, language_code, request):
    locale = Locale.objects.filter(language_code=language_code).first()
    site = page.get_site()
    for candidate in (page, site.root_page if site else None):
        translated = candidate.get_translation_or_none(locale) if candidate and locale else None
        if translated is not None and translated.live:
            return translated.get_url(request)
    return f"/{language_code}/"

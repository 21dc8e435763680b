"""Template tags for the site shell: main navigation and the language switcher."""

from django import template
from django.conf import settings
from django.urls import translate_url

from wagtail.models import Page

from core.language import current_language
from core.navigation import sections
from core.sections import NAMES
from core.sections import sections as sections_for

register = template.Library()


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    path = context["request"].path
    items = [
        {"url": url, "label": section.label, "current": path.startswith(url)} for section, url in sections()
    ]
    return {"items": items}


@register.inclusion_tag("includes/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this same content in each language.

    On a Wagtail page, the link goes to the page's live translation (with the same sub-route on a
    routable page), or to that language's home page when the page is not translated yet; on any other
    view, to the same URL under the other prefix.
    """
    request = context["request"]
    page = context.get("page")
    current = current_language()
    if isinstance(page, Page):
        pages = _live_translations(page)
        site = page.get_site()
        homes = _live_translations(site.root_page) if site else {}
    links = []
    route = context.get("subpage_route", "")  # a routable page's sub-route, e.g. "estrategia/"
    for code, name in settings.LANGUAGES:
        if isinstance(page, Page):
            target = pages.get(code) or homes.get(code)
            url = target.get_url(request) if target else f"/{code}/"
            if route and code in pages:
                url += route
        else:
            url = translate_url(request.get_full_path(), code)
        links.append({"code": code, "name": name, "url": url, "current": code == current})
    return {"links": links}


def _live_translations(page):
    """{language code: live page} for a page and its translations, in one query."""
    translations = page.get_translations(inclusive=True).live().select_related("locale")
    return {p.locale.language_code: p for p in translations}


@register.simple_tag(takes_context=True)
def page_sections(context, where, obj):
    """What other apps add to this page (core.sections): `where` is a key of core.sections.NAMES."""
    return sections_for(NAMES[where], context["request"], obj)

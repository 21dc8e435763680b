"""Sections that one app adds to another app's public pages without that page's app importing it (the
rule of tests/test_dependencies.py): the adding app registers a Wagtail hook under one of these names,
a function of the request and the page's object that returns HTML (or "" when it has nothing to say),
and the page's template renders them with `{% page_sections NAME object %}` (core_tags), in the hooks'
registration order. E.g. intercoop counts confirmed agreements on district, sector and strategy pages.
"""

from django.utils.html import format_html_join

from wagtail import hooks

AREA_PAGE = "ess_area_page_sections"  # fn(request, area): a district or a neighbourhood
SECTOR_PAGE = "ess_sector_page_sections"  # fn(request, page): a sector table's page (page.sector)
STRATEGY_GOAL = "ess_strategy_goal_sections"  # fn(request, goal): one goal's section of the strategy page
INITIATIVE_PAGE = "ess_initiative_page_sections"  # fn(request, initiative): an initiative's public page
SITE_HEADER = "ess_site_header_sections"  # fn(request, None): a small link in every page's header
NAMES = {
    "area": AREA_PAGE,
    "sector": SECTOR_PAGE,
    "goal": STRATEGY_GOAL,
    "initiative": INITIATIVE_PAGE,
    "header": SITE_HEADER,
}


def sections(name, request, obj):
    """The HTML every hook registered under `name` gives for `obj`, joined (a plain string, not marked
    safe, is escaped)."""
    return format_html_join("", "{}", ((html,) for fn in hooks.get_hooks(name) if (html := fn(request, obj))))

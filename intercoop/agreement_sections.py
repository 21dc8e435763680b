"""Confirmed agreements counted on other apps' public pages (core.sections): the strategy page's goal
3.2 ("Facilitar la intercooperació entre actors de l'ESS"), each sector table's page (agreements of its
sector's initiatives) and each district's or neighbourhood's page. Parties are named only when both
consent; the others are counted."""

from django.db.models import Count, Q, Sum
from django.template.loader import render_to_string

from wagtail import hooks

from core.sections import AREA_PAGE, SECTOR_PAGE, STRATEGY_GOAL
from directori.models import District, Initiative

from .models import Agreement

INTERCOOPERATION_GOAL = "3.2"
NAMED_SHOWN = 10  # the latest named agreements listed; the rest are in the open data


def summary(agreements):
    """Counts of confirmed `agreements` (a queryset): the total, per status, hours and euros, the
    latest named ones and how many are not named; None when there are none. Three queries whatever
    their number, one when there are none (most district and neighbourhood pages)."""
    agreements = agreements.confirmed()
    totals = agreements.aggregate(
        total=Count("pk"),
        hours=Sum("value_hours"),
        euros=Sum("value_euros"),
        unnamed=Count("pk", filter=~Q(proposer_consents=True, partner_consents=True)),
    )
    if not totals["total"]:
        return None
    counted = dict(agreements.order_by().values_list("status").annotate(count=Count("pk")))
    statuses = [(label, counted[value]) for value, label in Agreement.Status.choices if counted.get(value)]
    named = list(
        agreements.filter(proposer_consents=True, partner_consents=True)
        .select_related("proposer", "partner")
        .order_by("-start", "-pk")[:NAMED_SHOWN]
    )
    named_total = totals["total"] - totals["unnamed"]
    return {
        **totals,
        "statuses": statuses,
        "named": named,
        "named_more": named_total - len(named),
    }


def render_summary(request, agreements, level=2):
    """The section, or "" when there is nothing to count. `level`: its heading's, on the page."""
    data = summary(agreements)
    if data is None:
        return ""
    return render_to_string("intercoop/sections/agreements.html", {**data, "level": level}, request=request)


@hooks.register(STRATEGY_GOAL)
def goal_agreements(request, goal):
    if goal.code != INTERCOOPERATION_GOAL:
        return ""
    return render_summary(request, Agreement.objects.all(), level=3)


@hooks.register(SECTOR_PAGE)
def sector_agreements(request, page):
    if page.sector_id is None:
        return ""
    initiatives = Initiative.objects.filter(sectors=page.sector_id)
    return render_summary(request, Agreement.objects.involving(initiatives))


@hooks.register(AREA_PAGE)
def area_agreements(request, area):
    field = "district" if isinstance(area, District) else "neighbourhood"
    initiatives = Initiative.objects.filter(**{field: area})
    return render_summary(request, Agreement.objects.involving(initiatives))

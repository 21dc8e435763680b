"""How often each embed is loaded, per host site and per day, with nothing personal kept.

Each load of an embed adds one to an aggregate counter (`EmbedUsage`: embed, origin, day, count) with
one INSERT ... ON CONFLICT DO UPDATE, so parallel loads never lose a count and no row per visit exists.
Only the `Referer`'s origin (scheme://host[:port]) is read; the address, cookies, user agent and the
page's path never reach the database. Known bots are not counted: `crawlerdetect` keeps the patterns
of crawlers' user agents up to date (an empty user agent is a script, not counted either).

Loads from this site's own pages (the builders' previews, the area pages' maps) are not a host
site's use and are not counted; past MAX_SITES host sites of one embed in a day the rest count
together as OTHER, since a Referer is the visitor's to write.

Counting must never slow or break the map: it runs in its own savepoint, and a failure (a missing
table, a locked database) is logged and the embed is served all the same.

The owner sees the last `DAYS` days in the admin (`report`), as a chart drawn on the server (SVG with
a title, a description and the data as a table) and as CSV; a district office sees its own embeds'
only (mapa.permissions).
"""

import csv
import datetime
import hashlib
import logging
from urllib.parse import parse_qsl, urlencode, urlsplit

from django.contrib.auth.decorators import permission_required
from django.db import DatabaseError, connection, transaction
from django.db.models import Sum
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from crawlerdetect import CrawlerDetect

from core.catalan import in_catalan
from core.dates import long_date

from .models import EmbedUsage
from .permissions import is_staff, visible_embeds

logger = logging.getLogger(__name__)

DAYS = 90
DIRECT = "direct"  # no Referer: opened directly, or a host page that sends none
OTHER = "other"  # the host sites past MAX_SITES of one embed in one day
MAX_SITES = 50
_crawlers = CrawlerDetect()
# One statement, atomic on SQLite and PostgreSQL alike: parallel loads never lose a count (Django's
# bulk_create(update_conflicts=True) cannot add to the stored value).
UPSERT = (
    "INSERT INTO mapa_embedusage (embed, origin, day, count) VALUES (%s, %s, %s, 1) "
    "ON CONFLICT (embed, origin, day) DO UPDATE SET count = mapa_embedusage.count + 1"
)


def is_bot(user_agent):
    return not user_agent.strip() or _crawlers.isCrawler(user_agent)


def origin(referer):
    """scheme://host[:port] of a Referer, lower-cased, without user, path or query; DIRECT if there is
    no usable one."""
    try:
        parts = urlsplit(referer.strip())
        host, port = parts.hostname, parts.port
    except ValueError:  # a malformed port or IPv6 address
        return DIRECT
    if parts.scheme not in ("http", "https") or not host:
        return DIRECT
    if ":" in host:
        host = f"[{host}]"
    return (f"{parts.scheme}://{host}" + (f":{port}" if port else ""))[:255]


# An ad-hoc embed is counted under what its address chooses from the site's own vocabularies (area,
# layers, sectors, kinds, tags): never the need words, a point or a centre, which a visitor may type.
AD_HOC_KEY = ("districte", "barri", "capes", "sector", "familia", "capa")


def embed_key(options):
    """What a load is counted under: a saved embed's slug, or an ad-hoc embed's choices among the
    site's slugs (AD_HOC_KEY), sorted, so that the same map asked for in another order counts as one;
    a hash past the column's length. Ad-hoc keys start with "?", so they never meet a slug."""
    if options.preset:
        return options.preset
    pairs = parse_qsl(options.to_query())
    pairs = [(k, ",".join(sorted(set(v.split(","))))) if k == "capes" else (k, v) for k, v in pairs]
    key = "?" + urlencode(sorted((k, v) for k, v in pairs if k in AD_HOC_KEY))
    if len(key) > 255:
        key = key[:200] + "#" + hashlib.sha256(key.encode()).hexdigest()[:16]
    return key


def count_load(request, options):
    """One load of the embed `options` from the request's host site, unless a bot asked or the host
    is this site itself."""
    if is_bot(request.headers.get("User-Agent", "")):
        return
    host_site = origin(request.headers.get("Referer", ""))
    if host_site == origin(request.build_absolute_uri("/")):
        return  # our own pages: the builders' previews and the area pages' maps are not a host's use
    key, day = embed_key(options), timezone.localdate()
    try:
        with transaction.atomic(), connection.cursor() as cursor:
            # a Referer is the visitor's to write: past MAX_SITES sites a day, the rest count as one
            known = EmbedUsage.objects.filter(embed=key, day=day)
            if not known.filter(origin=host_site).exists() and known.count() >= MAX_SITES:
                host_site = OTHER
            cursor.execute(UPSERT, [key, host_site, day])
    except DatabaseError:
        logger.exception("An embed load could not be counted; the map was served all the same")


def visible_usage(user, since):
    """The counters `user` may see from `since` on: staff see every embed's, ad-hoc ones included;
    an office, its saved embeds'."""
    rows = EmbedUsage.objects.filter(day__gte=since)
    if not is_staff(user):
        rows = rows.filter(embed__in=visible_embeds(user).values("slug"))
    return rows


WIDTH, PLOT, AXIS = 720, 140, 20  # the day chart: width, bars' height, room for the dates below


def day_chart(days, counts, title, description):
    """An SVG bar chart of loads per day (one bar a day, the first and last day and the highest count
    written on it), described for screen readers; the same numbers are in the table beside it."""
    top = max(counts, default=0) or 1
    step = WIDTH / len(days)
    bars = [
        {
            "x": round(i * step, 2),
            "width": round(max(step - 1, 1), 2),
            "height": round(count / top * (PLOT - 16), 2),
            "y": round(PLOT - count / top * (PLOT - 16), 2),
            "day": day,
            "count": count,
        }
        for i, (day, count) in enumerate(zip(days, counts, strict=True))
        if count
    ]
    return {
        "bars": bars,
        "width": WIDTH,
        "plot": PLOT,
        "height": PLOT + AXIS,
        "top": top,
        "first": days[0],
        "last": days[-1],
        "title": title,
        "desc": description,
    }


def site_chart(origins, title, description, row=24, label=260):
    """An SVG of horizontal bars, one per host site (most loads first), with the site and its count
    written beside its bar."""
    top = max((o["total"] for o in origins), default=0) or 1
    room = WIDTH - label - 60
    bars = [
        {
            "y": i * row,
            "text_y": i * row + row * 0.7,
            "width": round(max(o["total"] / top * room, 1), 2),
            "count_x": round(label + o["total"] / top * room + 6, 2),
            "origin": o["origin"],
            "total": o["total"],
        }
        for i, o in enumerate(origins)
    ]
    return {
        "bars": bars,
        "width": WIDTH,
        "height": max(len(bars), 1) * row,
        "label": label,
        "row": row - 6,
        "title": title,
        "desc": description,
    }


def report_data(user, only=None, today=None):
    """The last DAYS days for each embed the user may see (or only the embed `only`): totals, per
    host site, per day."""
    today = today or timezone.localdate()
    since = today - datetime.timedelta(days=DAYS - 1)
    days = [since + datetime.timedelta(days=n) for n in range(DAYS)]
    rows = visible_usage(user, since)
    if only:
        rows = rows.filter(embed=only)
    names = dict(visible_embeds(user).values_list("slug", "name"))
    embeds = []
    for key in rows.order_by("embed").values_list("embed", flat=True).distinct():
        mine = rows.filter(embed=key)
        per_day = dict(mine.values_list("day").annotate(total=Sum("count")))
        counts = [per_day.get(day, 0) for day in days]
        origins = list(mine.values("origin").annotate(total=Sum("count")).order_by("-total", "origin"))
        name = names.get(key, key)
        total = sum(counts)
        # "1 visualització", "2 visualitzacions": the count chooses the plural form in each language
        loads = in_catalan(
            ngettext(
                "%(total)s load from %(start)s to %(end)s", "%(total)s loads from %(start)s to %(end)s", total
            )
            % {"total": total, "start": long_date(since), "end": long_date(today)}
        )
        embeds.append(
            {
                "key": key,
                "name": name,
                "total": total,
                "origins": origins,
                "days": [(day, count) for day, count in zip(days, counts, strict=True) if count],
                "chart": day_chart(
                    days,
                    counts,
                    _("Loads of “%(name)s” per day") % {"name": name},
                    _("%(loads)s; at most %(top)s in one day.") % {"loads": loads, "top": max(counts)},
                ),
                "sites_chart": site_chart(
                    origins,
                    _("Loads of “%(name)s” per host site") % {"name": name},
                    ngettext(
                        "%(loads)s, from %(sites)s host site.",
                        "%(loads)s, from %(sites)s host sites.",
                        len(origins),
                    )
                    % {"loads": loads, "sites": len(origins)},
                ),
            }
        )
    return {"embeds": embeds, "since": since, "today": today, "days": DAYS, "only": only}


@permission_required("mapa.view_mapembed", raise_exception=True)
def report(request):
    """The admin page of embed usage: a chart and tables per embed the user may see (?incrustacio=
    <slug>: that embed's only, as the embeds' listing links to it)."""
    context = report_data(request.user, request.GET.get("incrustacio", "").strip())
    context["page_title"] = _("Embed usage")
    return render(request, "mapa/admin/usage.html", context)


@permission_required("mapa.view_mapembed", raise_exception=True)
def report_csv(request):
    """The same counters as CSV: one row per embed, host site and day."""
    since = timezone.localdate() - datetime.timedelta(days=DAYS - 1)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="embed-usage.csv"'
    writer = csv.writer(response)
    writer.writerow(["embed", "origin", "day", "loads"])
    rows = visible_usage(request.user, since).order_by("embed", "day", "origin")
    if embed := request.GET.get("incrustacio", "").strip():
        rows = rows.filter(embed=embed)
    for row in rows.values_list("embed", "origin", "day", "count"):
        writer.writerow([_csv_safe(row[0]), _csv_safe(row[1]), row[2].isoformat(), row[3]])
    return response


def _csv_safe(value):
    """A value a spreadsheet will not run as a formula (the embed key and origin come from visitors'
    requests)."""
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value

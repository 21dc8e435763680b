import logging
import re
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import DatabaseError, transaction
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale
from wagtail.search.utils import normalise_query_string

from . import engine

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
MAX_SUGGEST_LENGTH = 100
# Quotes and control characters are query syntax to SQLite's FTS5 (a lone " is an error there), not
# words anyone searches for.
NOT_WORDS = re.compile(r'["\x00-\x1f\x7f]')
# Queries kept for the editors' "popular searches" only when they cannot hold an e-mail address, a
# phone or ID number, or a web address: Wagtail stores the text and a daily count, nothing else.
PERSONAL = re.compile(r"@|\d{5,}|\d[\d .-]{6,}\d|https?:|www\.", re.IGNORECASE)


def _clean(text, limit):
    return NOT_WORDS.sub(" ", text)[:limit].strip()


def _page_number(value):
    try:
        return min(max(int(value), 1), engine.MAX_PAGE)
    except (TypeError, ValueError):
        return 1


def record_hit(query):
    """Count a query for the editors' "popular searches" in its own short transaction, after the
    search has read everything. A hit is a nicety: when it cannot be written (SQLite busy with
    another writer, a lost connection) the search still answers, and the failure is logged."""
    try:
        with transaction.atomic():
            Query.get(query).add_hit()
    except DatabaseError:
        logger.warning("Search hit for a query not recorded", exc_info=True)


@transaction.non_atomic_requests
def search(request):
    """Initiatives and pages matching `q`, with facets; plain HTML, a form and links. Not one
    transaction for the request (ATOMIC_REQUESTS): on SQLite a read transaction that then writes the
    hit must upgrade its lock and fails at once ("database is locked") when another search holds
    one; here the reads run in autocommit and the hit is its own short write."""
    query = _clean(request.GET.get("q", ""), MAX_QUERY_LENGTH)
    number = _page_number(request.GET.get("pagina"))
    results = page = promotions = None
    filters = engine.Filters()
    if query:
        locale = Locale.get_active()
        results, filters = engine.find(query, request.GET, locale, number)
        page = Paginator(
            range(min(results.total, engine.MAX_PAGE * engine.PER_PAGE)), engine.PER_PAGE
        ).get_page(number)
        if results.total and page.number != number:  # past the last page: show the last one
            results, filters = engine.find(query, request.GET, locale, page.number)
        if page.number == 1:
            # Looked up, not Query.get(): that would store every query typed, personal data included.
            promotions = SearchPromotion.objects.filter(
                query__query_string=normalise_query_string(query)
            ).select_related("page")
            if results.total and not PERSONAL.search(query):
                record_hit(query)
    context = {
        "query": query,
        "results": results,
        "page": page,
        "promotions": promotions,
        "filters": filters,
        "query_only": urlencode({"q": query}),
        "kept": urlencode({"q": query, **filters.as_params()}),
        "facets": filters.groups(results.facets) if results else [],
        "filtered": bool(filters.as_params()),
        "whole_city": urlencode({"q": query, **filters.as_params(district=engine.WHOLE_CITY)}),
    }
    if results and results.related:  # other need words, in the same place
        context["related"] = [
            (word, urlencode({"q": word, **filters.as_params()})) for word in results.related
        ]
    wider = filters.wider_district
    if wider:
        context["wider_district"] = wider
        context["wider"] = urlencode({"q": query, **filters.as_params(district=wider.slug)})
    return render(request, "search/search.html", context)


@cache_control(public=True, max_age=60)
def suggestions(request):
    """JSON for the search box: {"suggestions": [{"title", "url", "kind"}]}, best first."""
    text = request.GET.get("q", "")
    if len(text) > MAX_SUGGEST_LENGTH:
        message = _("The text is too long: at most %(limit)d characters.") % {"limit": MAX_SUGGEST_LENGTH}
        return JsonResponse({"error": message}, status=400)
    found = engine.suggest(_clean(text, MAX_SUGGEST_LENGTH), Locale.get_active()) if text.strip() else []
    return JsonResponse({"suggestions": found})

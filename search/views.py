import re
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import render

from wagtail.models import Locale, Page

RESULTS_PER_PAGE = 20
MAX_QUERY_LENGTH = 200
# Quotes and control characters are query syntax to SQLite's FTS5 (a lone " is an error there), not
# words anyone searches for.
NOT_WORDS = re.compile(r'["\x00-\x1f\x7f]')


def search(request):
    """Live, public pages of the visitor's language that match `q`, through the configured backend."""
    query = NOT_WORDS.sub(" ", request.GET.get("q", ""))[:MAX_QUERY_LENGTH].strip()
    results = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active()).specific()
        results = Paginator(pages.search(query), RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {"query": query, "results": results, "kept": urlencode({"q": query})}
    return render(request, "search/search.html", context)

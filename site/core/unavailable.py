"""PostgreSQL down → 503 with `Retry-After`, in the language of the URL, not a 500.

One place sees every failure: Django's 500 handler, which it calls inside the `except` of whatever
raised, whether a connection error came from entering ATOMIC_REQUESTS' transaction, from the session
or user lookup in a middleware, or from the view. A database that cannot be reached
(OperationalError, InterfaceError) answers 503 with a page rendered from a template that needs no
database and no request context, or JSON where the client reads JSON (see `wants_json`); anything else
keeps Django's 500 page.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template import loader
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.translation import gettext as _
from django.views import defaults

from core.language import current_language

RETRY_AFTER = 30  # seconds: a restart or a failover usually takes about this long

# The views outside /api/ that scripts and other sites fetch: map layers (and the list group the map
# page fetches for a layer), the layer index, oEmbed and the search box's suggestions.
JSON_VIEWS = {
    "mapa:layers",
    "mapa:layer",
    "mapa:layer_list",
    "mapa:area",
    "mapa:oembed",
    "search:suggestions",
}


def wants_json(request):
    """Whether the client reads JSON: the API, a .json, .geojson or .jsonld address (exports included), one of
    JSON_VIEWS, or an Accept header that prefers JSON to HTML. A script given the HTML page instead
    cannot show or even parse the failure."""
    path = request.path_info
    if path.startswith("/api/") or path.endswith((".json", ".geojson", ".jsonld")):
        return True
    try:
        if resolve(path).view_name in JSON_VIEWS:
            return True
    except Resolver404:
        pass
    return request.get_preferred_type(["text/html", "application/json"]) == "application/json"


def server_error(request):
    error = sys.exc_info()[1]
    if not isinstance(error, OperationalError | InterfaceError):
        return defaults.server_error(request)
    language = translation.get_language_from_path(request.path_info) or current_language()
    with translation.override(language):
        if wants_json(request):
            response = JsonResponse({"detail": _("The service is temporarily unavailable.")}, status=503)
        else:
            body = loader.get_template("503.html").render({"language": language, "retry_after": RETRY_AFTER})
            response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    response["Cache-Control"] = "no-store"
    return response

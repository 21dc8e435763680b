"""The map's public data: the list of layers and one GeoJSON document per layer.

Each layer's document is built once per version of the data and kept gzipped in the cache; the
version (ETag) is a fingerprint of what the layers read (counts and latest changes of initiatives,
links, poles, layers, areas and pages, in a few aggregate queries), so edits, imports and deletions
show at once on every process, and a browser or proxy that has it gets 304. Open to other sites'
scripts (CORS for GET): district offices' pages load these.
"""

import gzip
import hashlib
import json

from django.core.cache import cache
from django.db.models import Count, Max
from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from wagtail.models import Page

from directori.filters import DirectoryQuery
from directori.models import District, Initiative

from .features import BadParameter, layer_geojson
from .models import EconomicPole, HousingServiceLink, Layer

MAX_AGE = 300
# Parameters a layer document depends on: the directory's filters, bbox, and the housing service.
PARAMS = ("q", "sector", "familia", "districte", "barri", "capa", "bbox", "servei")


def fingerprint():
    parts = [
        queryset.aggregate(n=Count("pk"), latest=Max(field))
        for queryset, field in (
            (Initiative.objects.all(), "updated_at"),
            (HousingServiceLink.objects.all(), "updated_at"),
            (EconomicPole.objects.all(), "updated_at"),
            (Layer.objects.all(), "updated_at"),
            (District.objects.all(), "updated_at"),
            (Page.objects.filter(live=True), "last_published_at"),
        )
    ]
    return repr(parts)


def cors(response):
    response["Access-Control-Allow-Origin"] = "*"
    return response


def error(message, status=400):
    return cors(JsonResponse({"error": str(message)}, status=status))


@require_GET
def layer_index(request):
    layers = [
        {
            "slug": layer.slug,
            "name": layer.label,
            "kind": layer.kind,
            "colour": layer.colour,
            "icon": layer.icon,
            "shown_by_default": layer.shown_by_default,
            "url": request.build_absolute_uri(reverse("mapa:layer", kwargs={"slug": layer.slug})),
        }
        for layer in Layer.objects.all()
    ]
    response = JsonResponse({"layers": layers})
    response["Cache-Control"] = f"public, max-age={MAX_AGE}"
    return cors(response)


@require_GET
def layer(request, slug):
    layer = Layer.objects.filter(slug=slug).first()
    if layer is None:
        return error(
            _("There is no map layer called “%(slug)s”; /mapa/capes/ lists them.") % {"slug": slug}, 404
        )
    params = request.GET
    ignored = DirectoryQuery.from_params(params).ignored
    if ignored:
        return error(_("Unknown filter values: %(values)s") % {"values": ", ".join(ignored)})
    pairs = sorted((k, v) for k in PARAMS for v in params.getlist(k))
    key = hashlib.sha256(repr((fingerprint(), slug, get_language(), pairs)).encode()).hexdigest()[:32]
    etag = f'"{key}"'
    headers = {
        "ETag": etag,
        "Cache-Control": f"public, max-age={MAX_AGE}",
        "Vary": "Accept-Encoding",
        "Access-Control-Allow-Origin": "*",
    }
    if etag in [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]:
        return HttpResponse(status=304, headers=headers)
    body = cache.get(f"mapa:geojson:{key}")
    if body is None:
        try:
            document = layer_geojson(layer, params)
        except BadParameter as problem:
            return error(problem)
        body = gzip.compress(json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode(), 6)
        cache.set(f"mapa:geojson:{key}", body, 24 * 3600)
    if "gzip" in request.headers.get("Accept-Encoding", ""):
        headers["Content-Encoding"] = "gzip"
    else:
        body = gzip.decompress(body)
    return HttpResponse(body, content_type="application/geo+json", headers=headers)

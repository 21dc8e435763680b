"""Each layer's GeoJSON document, built once per version of the data and kept gzipped in the cache.

The version is a fingerprint of what the layers read (counts and latest changes of initiatives,
links, poles, layers, areas and pages, and the small vocabularies whole, in a few queries), so edits,
imports and deletions show at once on every process. The GeoJSON endpoint answers with it (its ETag),
and the map page reads the same cached documents for the list beside the map.
"""

import gzip
import hashlib
import json

from django.core.cache import cache
from django.db.models import Count, Max
from django.utils.translation import get_language

from wagtail.models import Page

from directori.models import District, EssFamily, Initiative, LayerTag, Neighbourhood, Sector

from .features import layer_geojson
from .models import EconomicPole, HousingServiceLink, Layer

# Parameters a layer document depends on: the directory's filters, bbox, and the housing service.
PARAMS = ("q", "sector", "familia", "districte", "barri", "capa", "bbox", "servei")
TIMEOUT = 24 * 3600


def fingerprint():
    vocabularies = [
        list(model.objects.order_by("pk").values_list()) for model in (Sector, EssFamily, LayerTag)
    ]
    parts = vocabularies + [
        queryset.aggregate(n=Count("pk"), latest=Max(field))
        for queryset, field in (
            (Initiative.objects.all(), "updated_at"),
            (HousingServiceLink.objects.all(), "updated_at"),
            (EconomicPole.objects.all(), "updated_at"),
            (Layer.objects.all(), "updated_at"),
            (District.objects.all(), "updated_at"),
            (Neighbourhood.objects.all(), "updated_at"),
            (Page.objects.filter(live=True), "last_published_at"),
        )
    ]
    return repr(parts)


def document_key(layer, params, version):
    """The document's identity: the data's version, the layer, the language and the parameters."""
    pairs = sorted((k, v) for k in PARAMS for v in params.getlist(k))
    return hashlib.sha256(repr((version, layer.slug, get_language(), pairs)).encode()).hexdigest()[:32]


def gzipped_document(layer, params, key):
    """The layer's GeoJSON, gzipped, from the cache or built now (features.BadParameter propagates)."""
    body = cache.get(f"mapa:geojson:{key}")
    if body is None:
        document = layer_geojson(layer, params)
        body = gzip.compress(json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode(), 6)
        cache.set(f"mapa:geojson:{key}", body, TIMEOUT)
    return body


def document(layer, params, version):
    """The layer's GeoJSON as Python data, through the same cache."""
    return json.loads(gzip.decompress(gzipped_document(layer, params, document_key(layer, params, version))))

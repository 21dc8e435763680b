"""Each layer's GeoJSON document, built once per version of the data and kept gzipped in the cache.

The version is directori's fingerprint of the data plus what only the layers read (links, poles,
layers and pages), so edits, imports and deletions show at once on every process. The GeoJSON
endpoint answers with it (its ETag), and the map page reads the same cached documents for the list
beside the map.

A `bbox` is snapped outwards to a grid (features.snap_bbox), so nearby boxes share one document, and
that document is cut from the cached one without the box, never built from the database again. The
whole layer is kept a day; a document with parameters (filters, a box) is one of many and is kept
minutes, so a crawler of boxes and filters cannot fill the cache.
"""

import gzip
import hashlib
import json

from django.core.cache import cache
from django.http import QueryDict

from wagtail.models import Page

from core.language import current_language
from directori.versions import fingerprint as directory_fingerprint
from intercoop.models import Post

from .features import layer_geojson, parse_bbox, snap_bbox, within
from .models import EconomicPole, HousingServiceLink, Layer

# Parameters a layer document depends on: the directory's filters, bbox, and the housing service.
PARAMS = ("q", "sector", "familia", "districte", "barri", "capa", "a_prop", "radi", "bbox", "servei")
TIMEOUT = 24 * 3600  # the whole layer
FILTERED_TIMEOUT = 600  # a layer with filters or a box


def fingerprint():
    return directory_fingerprint(
        (HousingServiceLink.objects.all(), "updated_at"),
        (EconomicPole.objects.all(), "updated_at"),
        (Layer.objects.all(), "updated_at"),
        (Page.objects.filter(live=True), "last_published_at"),
        # listed() reads today's date: its count changes as a post expires, not only when one is edited
        (Post.objects.listed(), "updated_at"),
    )


def normalised(params):
    """The parameters that shape a document, sorted, with the box snapped to the grid (as text);
    features.BadParameter for a malformed box."""
    pairs = sorted((k, v) for k in PARAMS if k != "bbox" for v in params.getlist(k))
    if "radi" not in params:  # a point alone sorts lists, it selects nothing: one document for all points
        pairs = [(k, v) for k, v in pairs if k != "a_prop"]
    bbox = snap_bbox(parse_bbox(params.get("bbox")))
    if bbox:
        pairs.append(("bbox", ",".join(f"{v:.2f}" for v in bbox)))
    return pairs


def document_key(layer, params, version):
    """The document's identity: the data's version, the layer, the language and the normalised
    parameters (features.BadParameter for a malformed box)."""
    pairs = normalised(params)
    return hashlib.sha256(repr((version, layer.slug, current_language(), pairs)).encode()).hexdigest()[:32]


def gzipped_document(layer, params, version):
    """The layer's GeoJSON, gzipped, from the cache or built now (features.BadParameter propagates)."""
    pairs = normalised(params)
    key = document_key(layer, params, version)
    body = cache.get(f"mapa:geojson:{key}")
    if body is None:
        bbox = dict(pairs).get("bbox")
        if bbox:  # cut from the document without the box
            whole = _query_dict([(k, v) for k, v in pairs if k != "bbox"])
            document = json.loads(gzip.decompress(gzipped_document(layer, whole, version)))
            document["features"] = within(document["features"], [float(v) for v in bbox.split(",")])
        else:
            document = layer_geojson(layer, params)
        body = gzip.compress(json.dumps(document, ensure_ascii=False, separators=(",", ":")).encode(), 6)
        cache.set(f"mapa:geojson:{key}", body, FILTERED_TIMEOUT if pairs else TIMEOUT)
    return body


def _query_dict(pairs):
    query = QueryDict(mutable=True)
    for key, value in pairs:
        query.appendlist(key, value)
    return query


def document(layer, params, version):
    """The layer's GeoJSON as Python data, through the same cache."""
    return json.loads(gzip.decompress(gzipped_document(layer, params, version)))

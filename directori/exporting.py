"""Initiatives as open data: one row (or GeoJSON feature) per live initiative.

The columns are a contract (`export_initiatives`, the directory's downloads): external_id, source,
name, lat, lon, district_code, neighbourhood_code, outside_city, then descriptive fields.
"""

import csv
import json

from django.utils.html import strip_tags

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
ATTRIBUTION = "ESS Barcelona – directori de l'economia social i solidària"
ESSGLOBAL = "https://w3id.solidarityeconomy.coop/essglobal/V2a/vocab/"
JSONLD_CONTEXT = {"@vocab": "https://schema.org/", "essglobal": ESSGLOBAL}

COLUMNS = (
    "external_id",
    "source",
    "name",
    "lat",
    "lon",
    "district_code",
    "neighbourhood_code",
    "outside_city",
    "slug",
    "family",
    "sectors",
    "tags",
    "address",
    "postcode",
    "website",
    "email",
    "phone",
)


def rows(queryset):
    """Plain dicts, with two queries in all (related terms prefetched), whatever the size."""
    queryset = queryset.select_related("district", "neighbourhood", "family").prefetch_related(
        "sectors", "tags"
    )
    for initiative in queryset.order_by("pk").iterator(chunk_size=2000):
        yield {
            "external_id": initiative.external_id,
            "source": initiative.source,
            "name": initiative.name,
            "lat": initiative.latitude,
            "lon": initiative.longitude,
            "district_code": initiative.district.code if initiative.district else "",
            "neighbourhood_code": initiative.neighbourhood.code if initiative.neighbourhood else "",
            "outside_city": initiative.outside_city,
            "slug": initiative.slug,
            "family": initiative.family.slug if initiative.family else "",
            "sectors": ";".join(s.slug for s in initiative.sectors.all()),
            "tags": ";".join(t.slug for t in initiative.tags.all()),
            "address": initiative.address,
            "postcode": initiative.postcode,
            "website": initiative.website,
            "email": initiative.email,
            "phone": initiative.phone,
        }


def write_csv(queryset, stream, absolute_url=None):
    writer = csv.DictWriter(stream, fieldnames=COLUMNS)
    writer.writeheader()
    count = 0
    for count, row in enumerate(rows(queryset), start=1):  # noqa: B007  (count is the result)
        writer.writerow({key: _inert(value) for key, value in row.items()})
    return count


def _inert(value):
    """Text a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe, which
    spreadsheets hide; numbers stay numbers."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def write_geojson(queryset, stream, absolute_url=None):
    """A FeatureCollection; initiatives without a point get a null geometry (valid GeoJSON).
    (`absolute_url` is for the writers' common signature; GeoJSON rows carry slugs, not URLs.)"""
    stream.write(
        '{"type": "FeatureCollection", '
        + f'"license": {json.dumps(LICENCE_URL)}, "attribution": {json.dumps(ATTRIBUTION, ensure_ascii=False)}, '
        + '"features": ['
    )
    count = 0
    for count, row in enumerate(rows(queryset), start=1):
        geometry = None if row["lat"] is None else {"type": "Point", "coordinates": [row["lon"], row["lat"]]}
        properties = {k: v for k, v in row.items() if k not in ("lat", "lon")}
        stream.write(
            ("," if count > 1 else "")
            + "\n"
            + json.dumps(
                {"type": "Feature", "geometry": geometry, "properties": properties}, ensure_ascii=False
            )
        )
    stream.write("\n]}\n")
    return count


def organisation(initiative, url):
    """schema.org Organization for one initiative (ESSGLOBAL terms where schema.org has none)."""
    data = {
        "@type": "Organization",
        "@id": url,
        "name": initiative.name,
        "url": url,
        "description": strip_tags(initiative.description),
    }
    if initiative.family_id:
        data["essglobal:organisationalStructure"] = initiative.family.label
    if initiative.website:
        data["sameAs"] = [initiative.website]
    if initiative.email:
        data["email"] = initiative.email
    if initiative.phone:
        data["telephone"] = initiative.phone
    if initiative.address or initiative.postcode:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": initiative.address,
            "postalCode": initiative.postcode,
            "addressLocality": "Barcelona",
            "addressCountry": "ES",
        }
    if initiative.has_point:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": initiative.latitude,
            "longitude": initiative.longitude,
        }
    return data


def write_jsonld(queryset, stream, absolute_url):
    """A JSON-LD graph of Organizations, with the data licence."""
    queryset = queryset.select_related("family").order_by("pk")
    graph = [organisation(i, absolute_url(i.get_absolute_url())) for i in queryset.iterator(chunk_size=2000)]
    document = {
        "@context": JSONLD_CONTEXT,
        "license": LICENCE_URL,
        "creditText": ATTRIBUTION,
        "@graph": graph,
    }
    json.dump(document, stream, ensure_ascii=False)
    return len(graph)

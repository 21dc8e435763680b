"""Initiatives as open data: one row (or GeoJSON feature, or JSON-LD node) per live initiative.

The columns are a contract (`export_initiatives`, the directory's downloads, the API's GeoJSON):
external_id, source, name, lat, lon, district_code, neighbourhood_code, outside_city, then descriptive
fields. Every writer streams: rows are read over server-side cursors (PostgreSQL; chunks on SQLite)
and written one by one, so memory stays flat whatever the size. The web serves each export as a file
built once per version of the data (`cached_file`).
"""

import contextlib
import csv
import gzip
import hashlib
import itertools
import json
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.urls import reverse

from core.collation import Collated
from core.text import plain_text

from .models import EssFamily, Initiative

LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
ATTRIBUTION = "ESS Barcelona – directori de l'economia social i solidària"
ESSGLOBAL = "https://w3id.solidarityeconomy.coop/essglobal/V2a/vocab/"
JSONLD_CONTEXT = {"@vocab": "https://schema.org/", "essglobal": ESSGLOBAL}

# column: the field it reads (sectors and tags come from their link tables, see rows())
FIELDS = {
    "external_id": "external_id",
    "source": "source",
    "name": "name",
    "lat": "latitude",
    "lon": "longitude",
    "district_code": "district__code",
    "neighbourhood_code": "neighbourhood__code",
    "outside_city": "outside_city",
    "slug": "slug",
    "family": "family__slug",
    "sectors": None,
    "tags": None,
    "address": "address",
    "postcode": "postcode",
    "website": "website",
    "email": "email",
    "phone": "phone",
    "description": "description",
    "description_es": "description_es",
    "description_en": "description_en",
}
DESCRIPTIONS = {"description": "ca", "description_es": "es", "description_en": "en"}  # column: language
COLUMNS = tuple(FIELDS)
LINKS = {"sectors": "sector", "tags": "layertag"}  # column: the link table's column of terms
BATCH = 2000


def rows(queryset):
    """Plain dicts in id order, descriptions as plain text, read over three cursors whatever the size:
    the initiatives, and their sector and tag links in the same order, merged as they come."""
    queryset = queryset.order_by("pk")
    read = [field for field in FIELDS.values() if field]
    names = [column for column, field in FIELDS.items() if field]
    links = {column: _links(queryset, column, term) for column, term in LINKS.items()}
    pending = {column: next(found, None) for column, found in links.items()}
    for pk, *values in queryset.values_list("pk", *read).iterator(chunk_size=BATCH):
        row = dict(zip(names, values, strict=True))
        row["district_code"] = row["district_code"] or ""
        row["neighbourhood_code"] = row["neighbourhood_code"] or ""
        row["family"] = row["family"] or ""
        for column in DESCRIPTIONS:
            row[column] = plain_text(row[column])
        for column, found in links.items():
            while pending[column] is not None and pending[column][0] < pk:
                pending[column] = next(found, None)
            slugs = pending[column][1] if pending[column] is not None and pending[column][0] == pk else ()
            row[column] = ";".join(slugs)
        yield {column: row[column] for column in COLUMNS}


def _links(queryset, column, term):
    """(initiative id, [term slugs]) for the initiatives of `queryset`, in id order, the terms in their
    usual order: one query, read as it goes."""
    through = getattr(Initiative, column).through
    ordering = [  # names as the export's language sorts them ("Tèxtil" before "Transició energètica")
        Collated(f"{term}__name") if field == "name" else f"{term}__{field}"
        for field in through._meta.get_field(term).related_model._meta.ordering
    ]
    pairs = (
        through.objects.filter(initiative_id__in=queryset.values("pk"))
        .order_by("initiative_id", *ordering, f"{term}__pk")
        .values_list("initiative_id", f"{term}__slug")
        .iterator(chunk_size=BATCH)
    )
    for initiative_id, group in itertools.groupby(pairs, key=lambda pair: pair[0]):
        yield initiative_id, [slug for _, slug in group]


def write_csv(queryset, stream, absolute_url=None):
    """UTF-8 CSV that begins with a byte order mark: without it, Excel and LibreOffice read the file
    as Windows-1252 and "Associació" turns to "AssociaciÃ³". Python's "utf-8-sig", R and pandas read
    it too, as does our own importer."""
    stream.write("\ufeff")
    writer = csv.DictWriter(stream, fieldnames=COLUMNS)
    writer.writeheader()
    count = 0
    for count, row in enumerate(rows(queryset), start=1):  # noqa: B007  (count is the result)
        writer.writerow({key: inert(value) for key, value in row.items()})
    return count


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER_OR_PHONE = re.compile(r"[+-]?[\d .,()/-]*\d[\d .,()/-]*")


def inert(value):
    """Text a spreadsheet would run as a formula (=, +, -, @, tab or return first) gets a leading
    apostrophe, which spreadsheets hide. A number or phone number ("-3.5", "+34 93 123 45 67": digits,
    spaces and . , ( ) / - only) stays as it is: without letters or operators it calls nothing."""
    if isinstance(value, str) and value.startswith(FORMULA_START) and not NUMBER_OR_PHONE.fullmatch(value):
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


def organisation(row, url, family=""):
    """schema.org Organization for one initiative, from its `rows()` dict and its family's name in the
    current language (ESSGLOBAL terms where schema.org has none). A translated description makes
    `description` a list of language-tagged values (JSON-LD's own form for one text in several
    languages); an untranslated one stays a plain string."""
    description = row["description"]
    if row["description_es"] or row["description_en"]:
        description = [
            {"@value": row[column], "@language": language}
            for column, language in DESCRIPTIONS.items()
            if row[column]
        ]
    data = {"@type": "Organization", "@id": url, "name": row["name"], "url": url, "description": description}
    if family:
        data["essglobal:organisationalStructure"] = family
    if row["website"]:
        data["sameAs"] = [row["website"]]
    if row["email"]:
        data["email"] = row["email"]
    if row["phone"]:
        data["telephone"] = row["phone"]
    if row["address"] or row["postcode"]:
        data["address"] = {
            "@type": "PostalAddress",
            "streetAddress": row["address"],
            "postalCode": row["postcode"],
            "addressLocality": "Barcelona",
            "addressCountry": "ES",
        }
    if row["lat"] is not None and row["lon"] is not None:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": row["lat"], "longitude": row["lon"]}
    return data


def write_jsonld(queryset, stream, absolute_url):
    """A JSON-LD graph of Organizations, with the data licence, written node by node."""
    head = {"@context": JSONLD_CONTEXT, "license": LICENCE_URL, "creditText": ATTRIBUTION}
    stream.write(json.dumps(head, ensure_ascii=False)[:-1] + ', "@graph": [')
    families = {family.slug: family.label for family in EssFamily.objects.all()}
    prefix = reverse("directori:initiative", kwargs={"slug": "x"}).removesuffix("x/")  # reversed once
    count = 0
    for count, row in enumerate(rows(queryset), start=1):
        node = organisation(row, absolute_url(f"{prefix}{row['slug']}/"), families.get(row["family"], ""))
        stream.write(("," if count > 1 else "") + "\n" + json.dumps(node, ensure_ascii=False))
    stream.write("\n]}\n")
    return count


WRITERS = {"csv": write_csv, "geojson": write_geojson, "jsonld": write_jsonld}
BUILD_WAIT = 20  # seconds to wait for another process building the same file, then build it here
MAX_FILES = 200  # files kept of the current version (each distinct filter makes one)


def cached_file(fmt, queryset, key, absolute_url=None, gzipped=False):
    """The export of `queryset` as an open binary file (gzipped when asked), written once per `key`
    (the data's version and the request's parameters) into EXPORT_CACHE_DIR and then served from disk:
    a worker spends milliseconds on a repeated download, and gunicorn hands the file to the socket
    (sendfile). The gzipped copy is a seventh of the size, so the socket takes it sooner.

    One process builds a given file at a time (a lock in the shared cache); others wait for it rather
    than build it again. Files are written under temporary names and renamed when complete (the gzipped
    one first), so nobody reads half of one. Files of other versions are deleted after each build."""
    directory = Path(settings.EXPORT_CACHE_DIR)
    path = directory / f"{key}.{fmt}"
    wanted = path.with_name(path.name + ".gz") if gzipped else path
    if found := _open(wanted):
        return found
    lock = f"directori:export:{key}"
    acquired = cache.add(lock, os.getpid(), BUILD_WAIT * 3)
    if not acquired:
        deadline = time.monotonic() + BUILD_WAIT
        while time.monotonic() < deadline and cache.get(lock) is not None and not path.exists():
            time.sleep(0.1)
        if found := _open(wanted):
            return found
    try:
        directory.mkdir(parents=True, exist_ok=True)
        plain, packed = (_part(directory) for _ in range(2))
        try:
            with open(plain, "w", encoding="utf-8", newline="") as out:
                WRITERS[fmt](queryset, out, absolute_url=absolute_url)
            with open(plain, "rb") as source, gzip.open(packed, "wb", compresslevel=6) as target:
                shutil.copyfileobj(source, target, 1 << 20)
            built = open(packed if gzipped else plain, "rb")  # noqa: SIM115  (opened before the renames: no pruner can take it away)
            os.replace(packed, path.with_name(path.name + ".gz"))
            os.replace(plain, path)
        finally:
            for part in (plain, packed):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(part)
    finally:
        if acquired:
            cache.delete(lock)
    _prune(directory, version=key.split("-")[0])
    return built


def _part(directory):
    """A new empty file for a build in progress (hidden: a dot first, pruned after an hour)."""
    handle, name = tempfile.mkstemp(dir=directory, prefix=".", suffix=".part")
    os.close(handle)
    return name


def _open(path):
    try:
        return open(path, "rb")  # noqa: SIM115  (the response closes it)
    except FileNotFoundError:
        return None


def _prune(directory, version):
    """Delete the files of other versions, the oldest beyond MAX_FILES, and parts left by a build that
    died more than an hour ago."""
    files = []
    for entry in os.scandir(directory):
        try:
            files.append((entry.stat().st_mtime, entry))
        except FileNotFoundError:
            continue  # another process pruned it first
    files.sort(key=lambda item: item[0], reverse=True)
    kept = 0
    for mtime, entry in files:
        if entry.name.startswith("."):
            stale = mtime < time.time() - 3600
        else:
            kept += entry.name.startswith(version + "-")
            stale = not entry.name.startswith(version + "-") or kept > MAX_FILES
        if stale:
            with contextlib.suppress(FileNotFoundError):  # another process pruned it first
                os.unlink(entry.path)


def export_key(version, fmt, params, context=()):
    """`<version>-<hash of the format, parameters, context and columns>`: the version first, for
    _prune. The columns are in the hash so that a release that adds one never serves files built
    before it."""
    digest = hashlib.sha256(repr((fmt, sorted(params), context, COLUMNS)).encode()).hexdigest()[:24]
    return f"{version}-{digest}"

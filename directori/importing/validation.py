"""Turning read rows into clean values or rejections: every row is checked before anything is
written, so a report names every problem of a file at once; points are reprojected to WGS84 and
rows repeating an id are merged."""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils.html import escape
from django.utils.translation import gettext as _

from pyproj import CRS, Transformer

from core.text import fold

from ..models import EssFamily, LayerTag, Sector
from ..placement import current_index
from .mapping import DESCRIPTIONS, LIST_FIELDS, LIST_SEPARATOR, MAX_DESCRIPTION_LENGTH, MAX_LENGTHS
from .report import Rejection

# Registries write Spanish postcodes with the country ("E-08014", "ES 08014") or, after a spreadsheet
# took them for numbers, without their leading zero ("8014").
POSTCODE = re.compile(r"(?:ES?-?)?(\d{4,5})", re.IGNORECASE)
BARCELONA_PROVINCE = "08"


def normal_postcode(text):
    """A postcode's five digits ("08014" from "E-08014", "8014" or "08 014"); "" for no value, None
    for a value that is no postcode."""
    text = text.replace(" ", "")
    if not text:
        return ""
    match = POSTCODE.fullmatch(text)
    return match.group(1).zfill(5) if match else None


class Vocabulary:
    """Looks up taxonomy terms by slug, code or any of their names."""

    def __init__(self, model):
        self.terms = {}
        for term in model.objects.all():
            for key in (term.slug, getattr(term, "code", ""), term.name, term.name_es, term.name_en):
                if key:
                    self.terms.setdefault(fold(key), term)

    def get(self, value):
        return self.terms.get(fold(value))


@dataclass
class CleanRow:
    line: int
    values: dict
    x: float | None = None
    y: float | None = None


class RowValidator:
    email = EmailValidator()
    url = URLValidator(schemes=["http", "https"])

    def __init__(self, mapping):
        self.mapping = mapping
        self.families = Vocabulary(EssFamily)
        self.sectors = Vocabulary(Sector)
        self.tags = Vocabulary(LayerTag)

    def __call__(self, line, row):
        """A CleanRow, or the list of Rejections for this row."""
        columns, errors, values = self.mapping.columns, [], {}

        def get(name):
            return row.get(columns[name], "") if name in columns else ""

        def reject(name, reason):
            errors.append(Rejection(line, columns.get(name, name), reason))

        if row.get("@error"):
            return [Rejection(line, "", row["@error"])]
        for name in ("external_id", "name", "address", "phone"):
            values[name] = get(name)
        if not values["external_id"]:
            reject("external_id", _("missing id"))
        if not values["name"]:
            reject("name", _("missing name"))
        for name in DESCRIPTIONS:  # plain text in, escaped paragraphs out: markup in a cell stays text
            text = get(name)
            if len(text) > MAX_DESCRIPTION_LENGTH:
                reject(name, _("longer than %(limit)s characters") % {"limit": MAX_DESCRIPTION_LENGTH})
            values[name] = "".join(
                f"<p>{escape(p.strip())}</p>" for p in re.split(r"\n\s*\n", text) if p.strip()
            )

        postcode = normal_postcode(get("postcode"))
        if postcode is None:
            reject("postcode", _("not a postcode: %(value)r") % {"value": get("postcode")})
        elif postcode and not postcode.startswith(BARCELONA_PROVINCE):
            reject(
                "postcode",
                _("not a postcode of the province of Barcelona (08…): %(value)r")
                % {"value": get("postcode")},
            )
        values["postcode"] = postcode or ""

        email = get("email")
        if email:
            try:
                self.email(email)
            except ValidationError:
                reject("email", _("not a valid e-mail address: %(value)r") % {"value": email})
        values["email"] = email

        website = get("website")
        if website and not re.match(r"(?i)https?://", website):
            website = "https://" + website
        if website:
            try:
                self.url(website)
            except ValidationError:
                reject("website", _("not a valid web address: %(value)r") % {"value": get("website")})
        values["website"] = website

        family = get("family")
        values["family"] = self.families.get(family) if family else None
        if family and values["family"] is None:
            reject("family", _("unknown ESS family %(value)r") % {"value": family})
        for name, vocabulary in (("sectors", self.sectors), ("tags", self.tags)):
            terms = []
            for item in filter(None, LIST_SEPARATOR.split(get(name))):
                term = vocabulary.get(item)
                if term is None:
                    unknown = (
                        _("unknown sector %(value)r")
                        if name == "sectors"
                        else _("unknown layer tag %(value)r")
                    )
                    reject(name, unknown % {"value": item})
                else:
                    terms.append(term)
            values[name] = terms

        for name, value in values.items():
            limit = MAX_LENGTHS.get(name)
            if limit and isinstance(value, str) and len(value) > limit:
                reject(name, _("longer than %(limit)s characters") % {"limit": limit})
        x, y = self._coordinates(row, reject)
        # Only what the mapping names is written: a narrower mapping never blanks other fields.
        values = {name: value for name, value in values.items() if name in columns}
        return errors or CleanRow(line, values, x, y)

    def _coordinates(self, row, reject):
        columns = self.mapping.columns
        if "lon" in columns:
            pairs = (("lon", row.get(columns["lon"], "")), ("lat", row.get(columns["lat"], "")))
        elif "x" in columns:
            pairs = (("x", row.get(columns["x"], "")), ("y", row.get(columns["y"], "")))
        else:  # GeoJSON geometry
            pairs = (("geometry", row.get("@x", "")), ("geometry", row.get("@y", "")))
        texts = [text for _, text in pairs]
        if not any(texts):
            return None, None
        numbers = []
        for name, text in pairs:
            number = self._number(text)
            if number is None:
                if text:
                    reject(name, _("not a number: %(value)r") % {"value": text})
                else:
                    reject(name, _("coordinate missing (the other one is given)"))
            numbers.append(number)
        return tuple(numbers) if None not in numbers else (None, None)

    def _number(self, text):
        text = text.replace(" ", "")
        if self.mapping.decimal == ",":
            text = text.replace(".", "").replace(",", ".") if text.count(",") == 1 else text
        try:
            number = float(text)
        except ValueError:
            return None
        return number if number == number and abs(number) != float("inf") else None


def to_wgs84(clean_rows, mapping, report):
    """Reproject every point at once; reject the rows whose coordinates cannot be on Earth."""
    with_point = [r for r in clean_rows if r.x is not None]
    if with_point and CRS.from_user_input(mapping.crs) != CRS.from_epsg(4326):
        transformer = Transformer.from_crs(mapping.crs, "EPSG:4326", always_xy=True)
        lons, lats = transformer.transform([r.x for r in with_point], [r.y for r in with_point])
        for row, lon, lat in zip(with_point, lons, lats, strict=True):
            row.x, row.y = lon, lat
    _reject_swapped(with_point, clean_rows, mapping, report)
    for row in [r for r in clean_rows if r.x is not None]:
        if not (-180 <= row.x <= 180 and -90 <= row.y <= 90) or row.x != row.x:
            column = mapping.columns.get("lat") or mapping.columns.get("y") or "geometry"
            report.rejections.append(
                Rejection(row.line, column, _("coordinates outside the world (check crs and lat/lon order)"))
            )
            clean_rows.remove(row)


def _reject_swapped(with_point, clean_rows, mapping, report):
    """A point outside the city that would be inside with latitude and longitude exchanged is a
    swapped pair, the commonest mistake in hand-made files: reject it with that hint."""
    index = current_index()
    if index.empty or not with_point:
        return
    lons, lats = [r.x for r in with_point], [r.y for r in with_point]
    outside = index.locate(lons, lats)[0] == 0
    swapped_inside = index.locate(lats, lons)[0] > 0
    column = mapping.columns.get("lat") or mapping.columns.get("y") or "geometry"
    for row, is_swapped in zip(with_point, outside & swapped_inside, strict=True):
        if is_swapped:
            report.rejections.append(Rejection(row.line, column, _("latitude and longitude look swapped")))
            clean_rows.remove(row)


def merge_repeated_ids(clean_rows, report):
    """Rows with the same external id become one initiative: the first non-empty value of each field
    wins, and sectors and tags are united."""
    by_id = {}
    for row in clean_rows:
        key = row.values["external_id"]
        if key not in by_id:
            by_id[key] = row
            continue
        report.merged += 1
        kept = by_id[key]
        for name, value in row.values.items():
            if name in LIST_FIELDS:
                kept.values[name] += [t for t in value if t not in kept.values[name]]
            elif not kept.values[name] and value:
                kept.values[name] = value
        if kept.x is None and row.x is not None:
            kept.x, kept.y = row.x, row.y
    return list(by_id.values())

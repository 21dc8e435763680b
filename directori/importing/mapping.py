"""The TOML mapping that says which column of a file is which field, and the import's options,
checked whole before any row is read (a mistake in it is one message, not one per row)."""

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from django.utils.translation import gettext as _

from pyproj import CRS
from pyproj.exceptions import CRSError

from ..models import Initiative

SCALAR_FIELDS = (
    "external_id",
    "name",
    "description",
    "description_es",
    "description_en",
    "address",
    "postcode",
    "website",
    "email",
    "phone",
    "family",
)
DESCRIPTIONS = ("description", "description_es", "description_en")
# Far beyond any real description: a longer cell is a quoting mistake that swallowed the following rows.
MAX_DESCRIPTION_LENGTH = 10_000
COORDINATE_FIELDS = ("lat", "lon", "x", "y")
LIST_FIELDS = ("sectors", "tags")
FIELDS = SCALAR_FIELDS + COORDINATE_FIELDS + LIST_FIELDS
ENCODINGS = {"auto": None, "utf-8": "utf-8-sig", "utf-16": "utf-16", "latin-1": "latin-1"}
DELIMITERS = {"auto": None, ",": ",", ";": ";", "tab": "\t", "\t": "\t"}
LIST_SEPARATOR = re.compile(r"\s*[;|,]\s*")
MAX_LENGTHS = {
    name: Initiative._meta.get_field(name).max_length
    for name in ("external_id", "name", "address", "postcode", "website", "email", "phone")
}


class ImportFileError(Exception):
    """The mapping or the file as a whole cannot be used (not a row problem); one-line message."""


@dataclass
class Mapping:
    source: str
    columns: dict[str, str]
    encoding: str = "auto"
    delimiter: str = "auto"
    decimal: str = "."
    crs: str = "EPSG:4326"

    def writes_points(self, path):
        """Whether the import sets coordinates: lat/lon or x/y mapped, or a GeoJSON file's geometry."""
        return bool({"lat", "x"} & self.columns.keys()) or Path(path).suffix.lower() in (".geojson", ".json")

    @classmethod
    def from_toml(cls, text, default_source=""):
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as error:
            raise ImportFileError(_("mapping: not valid TOML (%(error)s)") % {"error": error}) from None
        options, columns = data.get("options", {}), data.get("columns", {})
        if not isinstance(options, dict) or not isinstance(columns, dict):
            raise ImportFileError(_("mapping: [options] and [columns] must be tables"))
        not_text = sorted(
            f"{table}.{key}"
            for table, values in (("options", options), ("columns", columns))
            for key, value in values.items()
            if not isinstance(value, str)
        )
        if not_text:
            raise ImportFileError(
                _("mapping: these values must be quoted text: %(keys)s") % {"keys": ", ".join(not_text)}
            )
        unknown = set(data) - {"options", "columns"}
        unknown |= {
            f"options.{k}" for k in set(options) - {"source", "encoding", "delimiter", "decimal", "crs"}
        }
        unknown |= {f"columns.{k}" for k in set(columns) - set(FIELDS)}
        if unknown:
            raise ImportFileError(
                _("mapping: unknown keys %(keys)s; fields are %(fields)s")
                % {"keys": ", ".join(sorted(unknown)), "fields": ", ".join(FIELDS)}
            )
        mapping = cls(
            source=str(options.get("source") or default_source),
            columns={k: str(v) for k, v in columns.items()},
        )
        for option, allowed in (
            ("encoding", ENCODINGS),
            ("delimiter", DELIMITERS),
            ("decimal", {".": 1, ",": 1}),
        ):
            value = options.get(option, getattr(mapping, option))
            if value not in allowed:
                raise ImportFileError(
                    _("mapping: %(option)s = %(value)r; use one of %(allowed)s")
                    % {"option": option, "value": value, "allowed": ", ".join(map(repr, allowed))}
                )
            setattr(mapping, option, value)
        mapping.crs = str(options.get("crs", mapping.crs))
        try:
            CRS.from_user_input(mapping.crs)
        except CRSError:
            raise ImportFileError(
                _("mapping: crs = %(crs)r is not a coordinate system (e.g. EPSG:25831)")
                % {"crs": mapping.crs}
            ) from None
        if len(mapping.source) > Initiative._meta.get_field("source").max_length:
            raise ImportFileError(_("mapping: [options] source is longer than 80 characters"))
        if not mapping.source:
            raise ImportFileError(
                _("mapping: [options] source is required (it keys the upsert with external_id)")
            )
        for required in ("external_id", "name"):
            if required not in mapping.columns:
                raise ImportFileError(_("mapping: [columns] %(field)s is required") % {"field": required})
        if bool({"lat", "lon"} & mapping.columns.keys()) and bool({"x", "y"} & mapping.columns.keys()):
            raise ImportFileError(_("mapping: give lat/lon or x/y, not both"))
        for a, b in (("lat", "lon"), ("x", "y")):
            if (a in mapping.columns) != (b in mapping.columns):
                raise ImportFileError(_("mapping: %(a)s and %(b)s go together") % {"a": a, "b": b})
        return mapping

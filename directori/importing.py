"""Bulk import of initiatives from CSV, XLSX or GeoJSON, described by a TOML mapping.

Real files are messy (domain.md): UTF-8 with or without BOM, UTF-16, Latin-1, `;` or tab delimiters,
decimal commas, coordinates in EPSG:25831, repeated rows. Every row is validated first; a rejection
names the file line, the column and the reason. Writing happens in one transaction: without
`partial`, one rejected row means nothing is written; a dry run writes nothing either way.

Files are bounded before they are read (rows, and an XLSX's unpacked size), one import of a source
runs at a time, rows are written in chunks so memory stays flat, and every row written gets a
revision, recorded with the one before it so that `undo_import` can put a whole import back.
"""

import codecs
import csv
import datetime
import hashlib
import io
import json
import re
import tomllib
import zipfile
from collections.abc import Callable
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.db import OperationalError, models, transaction
from django.utils import timezone
from django.utils.html import escape
from django.utils.text import slugify
from django.utils.translation import gettext as _

from wagtail.models import ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends

from pyproj import CRS, Transformer
from pyproj.exceptions import CRSError

from .models import EssFamily, ImportedRow, ImportJob, ImportLock, Initiative, LayerTag, Sector
from .placement import current_index, place_initiatives
from .text import fold

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


@dataclass
class Rejection:
    line: int
    column: str
    reason: str

    def __str__(self):
        if self.column:
            return _("line %(line)s, column %(column)r: %(reason)s") % vars(self)
        return _("line %(line)s: %(reason)s") % vars(self)


@dataclass
class ImportReport:
    rows: int = 0
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    merged: int = 0
    outside_city: int = 0
    rejections: list[Rejection] = field(default_factory=list)
    written: bool = False

    def summary(self):
        state = _("written") if self.written else _("nothing written")
        return _(
            "%(rows)s rows read: %(created)s initiatives created, %(updated)s updated, %(unchanged)s unchanged, "
            "%(merged)s rows merged into an earlier row with the same id, %(rejected)s rejected, "
            "%(outside)s outside the city (%(state)s)"
        ) % {
            "rows": self.rows,
            "created": self.created,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "merged": self.merged,
            "rejected": len(self.rejections),
            "outside": self.outside_city,
            "state": state,
        }

    def write_csv(self, stream):
        writer = csv.writer(stream)
        writer.writerow(["line", "column", "reason"])
        for rejection in self.rejections:
            writer.writerow([rejection.line, rejection.column, rejection.reason])


# ---------------------------------------------------------------- reading


def decode(raw, encoding="auto"):
    """Text of a file: BOMs honoured, UTF-16 recognised by its zero bytes, then UTF-8, Windows-1252
    (what Excel writes here) and Latin-1 as the last resort."""
    if encoding != "auto":
        candidates = [ENCODINGS[encoding]]
    elif raw.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    elif raw[1:400:2].count(0) > len(raw[1:400:2]) // 2:
        candidates = ["utf-16-le"]
    elif raw[0:400:2].count(0) > len(raw[0:400:2]) // 2:
        candidates = ["utf-16-be"]
    else:
        candidates = ["utf-8", "cp1252", "latin-1"]
    for candidate in candidates:
        try:
            return raw.decode(candidate)
        except UnicodeDecodeError as error:
            problem = error
    raise ImportFileError(
        _("the file is not %(encoding)s (%(reason)s at byte %(byte)s)")
        % {
            "encoding": encoding if encoding != "auto" else candidates[0],
            "reason": problem.reason,
            "byte": problem.start,
        }
    )


# An XLSX file is a zip: these bounds are checked on its directory before any XML is read, so that a
# small file that unpacks to gigabytes (a "zip bomb", or one huge cell) is refused in a millisecond.
# Reading costs memory: up to twice the unpacked size of the parts (a huge cell is held twice), and
# the shared strings (every distinct text of the workbook, read whole) up to 7 times theirs when they
# are many short ones. That estimate, over every part, is bounded: any workbook is read within ~500 MB
# (measured: ~700 MB peak for the process), while 100,000 real rows (a sheet of ~120 MB) pass.
XLSX_MAX_READ_BYTES = 480 * 1024 * 1024
XLSX_SHARED_STRINGS_COST = 7  # times their size; every other part: 2
XLSX_MAX_RATIO = 100
# Excel's own limit: a longer cell was not written by a spreadsheet.
XLSX_MAX_CELL_CHARACTERS = 32_767


def check_file(path):
    """Refuse, before reading, an XLSX whose parts would take too much memory to read, or are too
    compressed to be real data."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        return
    try:
        with zipfile.ZipFile(path) as archive:
            _check_xlsx_parts(path, archive.infolist(), _shared_strings_part(archive))
    except (zipfile.BadZipFile, OSError, KeyError):
        raise ImportFileError(_("%(name)s: not a readable XLSX workbook") % {"name": path.name}) from None


def _shared_strings_part(archive):
    """The name of the shared strings' part, found as openpyxl finds it (any name the manifest gives)."""
    from openpyxl.packaging.manifest import Manifest
    from openpyxl.xml.constants import SHARED_STRINGS
    from openpyxl.xml.functions import fromstring

    if archive.getinfo("[Content_Types].xml").file_size > 1024 * 1024:  # a few kB in a real workbook
        raise zipfile.BadZipFile
    try:
        manifest = Manifest.from_tree(fromstring(archive.read("[Content_Types].xml")))
        part = manifest.find(SHARED_STRINGS)
    except Exception:  # no or a damaged manifest: openpyxl refuses the workbook with its own message
        return None
    return part.PartName[1:] if part is not None and part.PartName[1:] in archive.namelist() else None


def _check_xlsx_parts(path, members, shared_strings):
    """Raise ImportFileError when reading the parts would cost more than XLSX_MAX_READ_BYTES (the
    shared strings' part named counting XLSX_SHARED_STRINGS_COST times its size, the others twice),
    or when one is a zip bomb."""
    total = sum(member.file_size for member in members)
    texts = sum(member.file_size for member in members if member.filename == shared_strings)
    if 2 * total + (XLSX_SHARED_STRINGS_COST - 2) * texts > XLSX_MAX_READ_BYTES:
        raise ImportFileError(
            _(
                "%(name)s: the workbook is too large to read safely (it unpacks to %(size)s MB, %(texts)s MB "
                "of them its texts); keep only the sheet to import, or split it into smaller files"
            )
            % {"name": path.name, "size": total // 2**20, "texts": texts // 2**20}
        )
    for member in members:
        if member.file_size > 1024 * 1024 and member.file_size > XLSX_MAX_RATIO * max(
            member.compress_size, 1
        ):
            raise ImportFileError(
                _(
                    "%(name)s: the part %(part)s is compressed %(ratio)s times, more than real data is (%(limit)s)"
                )
                % {
                    "name": path.name,
                    "part": member.filename,
                    "ratio": member.file_size // max(member.compress_size, 1),
                    "limit": XLSX_MAX_RATIO,
                }
            )


def _check_row_count(count):
    if count > settings.IMPORT_MAX_ROWS:
        raise ImportFileError(
            _("the file has more than %(limit)s rows; split it into smaller files")
            % {"limit": settings.IMPORT_MAX_ROWS}
        )


def read_rows(path, mapping):
    """(header, rows) where each row is (line number in the file, {column: value})."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        return _read_xlsx(path)
    if suffix in (".geojson", ".json"):
        return _read_geojson(decode(path.read_bytes(), mapping.encoding))
    if suffix in (".csv", ".txt", ".tsv"):
        return _read_csv(decode(path.read_bytes(), mapping.encoding), mapping)
    raise ImportFileError(
        _("%(name)s: unsupported file type %(suffix)r (CSV, XLSX or GeoJSON)")
        % {"name": path.name, "suffix": suffix}
    )


CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff]")


def _clean(value):
    """A cell as text: no stray BOMs or control characters (PostgreSQL refuses NUL), no outer spaces;
    whole numbers that spreadsheets store as floats (7.0) lose the decimal part, and spreadsheet dates
    read as ISO dates (2024-01-02), with the time only when there is one."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    elif isinstance(value, datetime.datetime):
        value = value.date().isoformat() if value.time() == datetime.time() else value.isoformat(sep=" ")
    elif isinstance(value, datetime.date):
        value = value.isoformat()
    elif isinstance(value, dict | list):
        value = json.dumps(value, ensure_ascii=False)
    return CONTROL_CHARACTERS.sub("", str(value)).strip()


def _check_header(header):
    repeated = sorted({h for h in header if h and header.count(h) > 1})
    if repeated:
        raise ImportFileError(
            _("the header repeats columns: %(columns)s") % {"columns": ", ".join(map(repr, repeated))}
        )


def _read_csv(text, mapping):
    delimiter = DELIMITERS[mapping.delimiter] or _sniff_delimiter(text, mapping.columns.values())
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows, line = [], 1
    try:
        header = [_clean(h) for h in next(reader)]
        _check_header(header)
        line = reader.line_num + 1
        for values in reader:
            start, line = line, reader.line_num + 1  # a quoted value may span lines: report the first
            if not any(v.strip() for v in values):
                continue
            row = dict(zip(header, (_clean(v) for v in values), strict=False))
            if len(values) != len(header):
                row["@error"] = _("%(found)s values where the header has %(expected)s columns") % {
                    "found": len(values),
                    "expected": len(header),
                }
            rows.append((start, row))
            _check_row_count(len(rows))
    except StopIteration:
        raise ImportFileError(_("the file is empty")) from None
    except csv.Error as error:
        raise ImportFileError(
            _("line %(line)s: not valid CSV (%(error)s)") % {"line": line, "error": error}
        ) from None
    return header, rows


def _sniff_delimiter(text, mapped_columns):
    """The delimiter that splits the header into the most of the mapped columns (quotes respected)."""
    first_line = text.split("\n", 1)[0]

    def score(delimiter):
        header = [_clean(h) for h in next(csv.reader([first_line], delimiter=delimiter), [])]
        return (len(set(header) & set(mapped_columns)), len(header))

    return max((",", ";", "\t"), key=score)


def _read_xlsx(path):
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(path, read_only=True, data_only=True).worksheets[0]
    except Exception as error:  # openpyxl raises many kinds for a damaged workbook
        raise ImportFileError(
            _("%(name)s: not a readable XLSX workbook (%(error)s)") % {"name": path.name, "error": error}
        ) from None
    rows_iter = sheet.iter_rows(values_only=True)
    header = [_clean(h) for h in next(rows_iter, [])]
    _check_header(header)
    rows = []
    for number, values in enumerate(rows_iter, start=2):
        for value in values:  # before any copy of it is made
            if isinstance(value, str) and len(value) > XLSX_MAX_CELL_CHARACTERS:
                raise ImportFileError(
                    _(
                        "line %(line)s: a cell holds more than %(limit)s characters, more than a spreadsheet can"
                    )
                    % {"line": number, "limit": XLSX_MAX_CELL_CHARACTERS}
                )
        if any(v not in (None, "") for v in values):
            rows.append((number, {h: _clean(v) for h, v in zip(header, values, strict=False)}))
            _check_row_count(len(rows))
    return header, rows


def _read_geojson(text):
    """Rows from a FeatureCollection; the "line" of a row is its feature number (1 = the first)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportFileError(_("not valid GeoJSON (%(error)s)") % {"error": error}) from None
    features = data.get("features") if isinstance(data, dict) else None
    if not isinstance(features, list):
        raise ImportFileError(_("not a GeoJSON FeatureCollection"))
    _check_row_count(len(features))
    header, rows = set(), []
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict):
            rows.append((number, {"@error": _("not a GeoJSON feature")}))
            continue
        properties = feature.get("properties")
        properties = {k: _clean(v) for k, v in properties.items()} if isinstance(properties, dict) else {}
        geometry = feature.get("geometry")
        if isinstance(geometry, dict) and geometry.get("type") == "Point":
            coordinates = geometry.get("coordinates")
            if isinstance(coordinates, list) and len(coordinates) >= 2:
                properties["@x"], properties["@y"] = (_clean(c) for c in coordinates[:2])
        elif geometry is not None:
            kind = geometry.get("type") if isinstance(geometry, dict) else type(geometry).__name__
            properties["@error"] = _("the geometry is a %(kind)s, not a Point") % {"kind": kind}
        header |= properties.keys()
        rows.append((number, properties))
    return sorted(header), rows


# ---------------------------------------------------------------- validating


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

        postcode = get("postcode").replace(" ", "")
        if postcode and not re.fullmatch(r"\d{4,5}", postcode):
            reject("postcode", _("not a postcode: %(value)r") % {"value": postcode})
        values["postcode"] = postcode.zfill(5) if postcode else ""

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


# ---------------------------------------------------------------- writing

CHUNK = 2000  # rows written, placed, indexed and revised together: memory stays flat at any size
BATCH = 1000


def run_import(
    path, mapping, *, dry_run=False, partial=False, draft=False, progress: Callable | None = None, job=None
):
    """Read, validate, then write in chunks inside one transaction (all or nothing). Unless a dry
    run, every initiative written gets a revision, and `job` (an ImportJob, made here when None)
    records each one with its revision before, so the whole import can be undone."""
    check_file(path)
    header, rows = read_rows(path, mapping)
    missing = [column for name, column in mapping.columns.items() if column not in header]
    if missing:
        raise ImportFileError(
            _("columns not in the file: %(missing)s; it has %(header)s")
            % {"missing": ", ".join(map(repr, missing)), "header": ", ".join(map(repr, header))}
        )

    report = ImportReport(rows=len(rows))
    validate = RowValidator(mapping)
    clean_rows = []
    for done, (line, row) in enumerate(rows, start=1):
        result = validate(line, row)
        if isinstance(result, list):
            report.rejections.extend(result)
        else:
            clean_rows.append(result)
        if progress:
            progress("validating", done, len(rows))
    del rows
    _to_wgs84(clean_rows, mapping, report)
    report.rejections.sort(key=lambda rejection: rejection.line)
    if report.rejections and not partial:
        return report
    merged = _merge_repeated_ids(clean_rows, report)
    del clean_rows

    with source_transaction(mapping.source):
        if job is None and not dry_run:
            job = ImportJob.objects.create(  # from the command line: seen (and undoable) once committed
                file_name=Path(path).name,
                source=mapping.source,
                draft=draft,
                partial=partial,
                status=ImportJob.Status.DONE,
                finished_at=timezone.now(),
            )
        writer = _Writer(mapping, mapping.writes_points(path), draft, report, None if dry_run else job)
        for start in range(0, len(merged), CHUNK):
            writer.write(merged[start : start + CHUNK])
            if progress:
                progress("writing", min(start + CHUNK, len(merged)), len(merged))
        if dry_run:
            transaction.set_rollback(True)
        else:
            report.written = True
    return report


def _to_wgs84(clean_rows, mapping, report):
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


def _merge_repeated_ids(clean_rows, report):
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


def _source_busy(source):
    return ImportFileError(
        _("another import of the source %(source)r is running; try again when it has finished")
        % {"source": source}
    )


@contextmanager
def source_transaction(source):
    """The transaction of one import (or undo) of `source`, holding its lock (`lock_source`).

    On SQLite the settings begin every transaction IMMEDIATE: BEGIN itself takes the database's write
    lock, so a second import waits there (SQLite's timeout, 20 s) rather than at its first write, and
    gets the same message as from `lock_source`."""
    with ExitStack() as stack:
        try:
            stack.enter_context(transaction.atomic())
        except OperationalError as error:
            if "locked" not in str(error):
                raise
            raise _source_busy(source) from None
        lock_source(source)
        yield


def lock_source(source):
    """One import (or undo) of a source at a time; call it first inside the import's transaction.

    PostgreSQL: a transaction-level advisory lock on the source, released by the commit or rollback
    (or by the server when the process dies). SQLite: the first write of the transaction, to the
    source's ImportLock row, takes SQLite's database-wide write lock (when the transaction did not
    take it as it began: `source_transaction`), which a second import waits for and then gets the
    same message: no stale lock survives a crash.
    """
    busy = _source_busy(source)
    connection = transaction.get_connection()
    if connection.vendor == "postgresql":
        key = int.from_bytes(hashlib.blake2b(source.encode(), digest_size=8).digest(), "big", signed=True)
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_try_advisory_xact_lock(%s)", [key])
            if not cursor.fetchone()[0]:
                raise busy
        return
    try:
        with transaction.atomic():
            ImportLock.objects.update_or_create(source=source, defaults={"created_at": timezone.now()})
    except OperationalError as error:
        if "locked" not in str(error):
            raise
        raise busy from None


class _Writer:
    """Creates or updates initiatives chunk by chunk with a constant number of queries per chunk:
    bulk inserts and updates, relation rows, placement, the search and reference indexes, and the
    revisions, all in bulk (per-object saves cost ~15 ms each, and kept every object in memory).

    With `draft`, new initiatives are created unpublished and a live one gets the imported values as
    a new draft revision (its public version is untouched); without it, the values are published.

    A row whose values are those already stored (compared with the initiatives the chunk reads
    anyway: no query more) is unchanged: nothing is written for it, not even a revision, so that
    re-importing the same file changes nothing and leaves an earlier import undoable.
    """

    def __init__(self, mapping, writes_points, draft, report, job):
        self.mapping, self.writes_points, self.draft = mapping, writes_points, draft
        self.report, self.job, self.user = report, job, job.user if job else None
        self.slugs = FreeSlugs(Initiative.objects.values_list("slug", flat=True))

    def write(self, rows):
        mapping, draft, now = self.mapping, self.draft, timezone.now()
        existing = {
            i.external_id: i
            for i in with_relations(
                Initiative.objects.filter(
                    source=mapping.source, external_id__in=[r.values["external_id"] for r in rows]
                )
            )
        }
        changes, unchanged = [], []
        for row in rows:
            values = dict(row.values)
            terms = {name: values.pop(name) for name in LIST_FIELDS if name in values}
            initiative = existing.get(values["external_id"])
            if initiative is not None and self.is_unchanged(initiative, values, terms, row):
                unchanged.append(initiative.pk)
            else:
                changes.append((row, initiative, values, terms))
        self.report.unchanged += len(unchanged)
        changed = [initiative for _, initiative, _, _ in changes if initiative is not None]
        previous, was_live = {}, {i.pk: i.live for i in changed}
        if self.job:  # the state before the import, as a revision, where the latest one is not it
            unrevised = [
                i
                for i in changed
                if not (draft and i.live) and (i.latest_revision_id is None or i.has_unpublished_changes)
            ]
            for initiative, revision in zip(unrevised, save_revisions(unrevised, None), strict=True):
                initiative.latest_revision_id = revision.pk
            previous = {i.pk: i.latest_revision_id for i in changed}
        new, updated, drafted, relations = [], [], [], []
        for row, initiative, values, terms in changes:
            if initiative is None:
                initiative = Initiative(source=mapping.source, live=not draft, has_unpublished_changes=draft)
                new.append(initiative)
            elif draft and initiative.live:
                drafted.append(initiative)
            else:
                updated.append(initiative)
            for name, value in values.items():
                setattr(initiative, name, value)
            if self.writes_points:
                initiative.longitude, initiative.latitude = row.x, row.y
            if not draft:
                initiative.live, initiative.has_unpublished_changes = True, False
                initiative.first_published_at = initiative.first_published_at or now
                initiative.last_published_at = now
            initiative.updated_at = now
            initiative.refresh_search_text()
            if not initiative.slug:
                initiative.slug = self.slugs.take(initiative.name)
            relations.append((initiative, terms))
        self.report.created += len(new)
        self.report.updated += len(updated) + len(drafted)

        Initiative.objects.bulk_create(new, batch_size=BATCH)
        fields = [name for name in SCALAR_FIELDS if name in mapping.columns]
        fields += ["latitude", "longitude"] if self.writes_points else []
        fields += ["live", "has_unpublished_changes", "first_published_at", "last_published_at", "updated_at"]
        update_rows(updated, [*fields, "search_text"])
        drafted_ids = {i.pk for i in drafted}
        for initiative, terms in relations:
            if initiative.pk in drafted_ids:
                for name, chosen in terms.items():
                    getattr(initiative, name).set(chosen)  # kept in the revision only
                initiative.save_revision(user=self.user, clean=False)

        written = [(i, terms) for i, terms in relations if i.pk not in drafted_ids]
        for name, through, column in (
            ("sectors", Initiative.sectors.through, "sector_id"),
            ("tags", Initiative.tags.through, "layertag_id"),
        ):
            if name not in mapping.columns:
                continue
            through.objects.filter(initiative_id__in=[i.pk for i, _ in written]).delete()
            links = [
                through(initiative_id=i.pk, **{column: term.pk})
                for i, terms in written
                for term in terms[name]
            ]
            through.objects.bulk_create(links, batch_size=BATCH)

        touched = [i.pk for i, _ in written]
        place_initiatives(Initiative.objects.filter(pk__in=touched))
        self.report.outside_city += Initiative.objects.filter(
            pk__in=touched + unchanged, outside_city=True
        ).count()
        if self.job is None:  # a dry run: rolled back, nothing to index or revise
            return
        objects = update_indexes(touched)
        revisions = save_revisions(objects, self.user, publish=not draft)
        new_ids = {i.pk for i in new}
        ImportedRow.objects.bulk_create(
            [
                ImportedRow(
                    job=self.job,
                    initiative_id=i.pk,
                    created=i.pk in new_ids,
                    was_live=was_live.get(i.pk, False),
                    previous_revision_id=previous.get(i.pk),
                    revision_id=r.pk,
                )
                for i, r in zip(objects, revisions, strict=True)
            ]
            + [
                ImportedRow(
                    job=self.job,
                    initiative_id=i.pk,
                    drafted=True,
                    was_live=True,
                    previous_revision_id=previous.get(i.pk),
                    revision_id=i.latest_revision_id,
                )
                for i in drafted
            ],
            batch_size=BATCH,
        )

    def is_unchanged(self, initiative, values, terms, row):
        """Whether writing the row would store what the initiative already is: the same values, point,
        sectors and tags, and already published (or, for a draft import, with no draft pending)."""
        if self.draft and not initiative.live:
            pass  # stays a draft either way
        elif not initiative.live or initiative.has_unpublished_changes:
            return False  # publishing it, or replacing a pending draft, is a change
        for name, value in values.items():
            stored = initiative.family_id if name == "family" else getattr(initiative, name)
            if stored != (value.pk if name == "family" and value else value):
                return False
        if self.writes_points and (initiative.longitude, initiative.latitude) != (row.x, row.y):
            return False
        return all(  # the prefetched relations: no query
            {term.pk for term in getattr(initiative, name).all()} == {term.pk for term in chosen}
            for name, chosen in terms.items()
        )


def update_rows(initiatives, fields):
    """UPDATE the given fields of each initiative, one prepared statement for all of them (psycopg
    pipelines it). Django's bulk_update builds a CASE expression per field and row, which took most
    of an import's time (a minute per 3,000 rows)."""
    if not initiatives:
        return
    fields = [Initiative._meta.get_field(name) for name in fields]
    connection = transaction.get_connection()
    quote = connection.ops.quote_name
    sql = "UPDATE {} SET {} WHERE {} = %s".format(  # noqa: S608  (names from the model; values are parameters)
        quote(Initiative._meta.db_table),
        ", ".join(f"{quote(field.column)} = %s" for field in fields),
        quote(Initiative._meta.pk.column),
    )
    with connection.cursor() as cursor:
        cursor.executemany(
            sql,
            [
                [field.get_db_prep_save(getattr(i, field.attname), connection) for field in fields] + [i.pk]
                for i in initiatives
            ],
        )


def with_relations(queryset):
    """What a revision and the indexes read of each initiative, in a constant number of queries."""
    return queryset.select_related("family", "neighbourhood").prefetch_related(
        "sectors", "tags", "evaluations", "links"
    )


def save_revisions(initiatives, user, publish=False):
    """A revision of each initiative's current state, in bulk (Wagtail's save_revision writes one at a
    time and reloads the object); the initiatives' latest (and, with publish, live) revision follows.
    Returns the revisions in the order given."""
    content_type = ContentType.objects.get_for_model(Initiative)
    now = timezone.now()
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type=content_type,
                base_content_type=content_type,
                object_id=str(i.pk),
                user=user,
                created_at=now,
                content=i.serializable_data(),
                object_str=str(i),
            )
            for i in initiatives
        ],
        batch_size=BATCH,
    )
    fields = ["latest_revision"]
    for initiative, revision in zip(initiatives, revisions, strict=True):
        initiative.latest_revision = revision
        if publish:
            initiative.live_revision = revision
    update_rows(initiatives, [*fields, "live_revision"] if publish else fields)
    return revisions


UNDONE_FIELDS = (
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
    "latitude",
    "longitude",
    "live",
)


def undo_import(job, progress=None):
    """Put every initiative an import wrote back as it was: those it created are archived, those it
    changed get their revision from before it back (as data, and as a new revision), drafts it added
    are dropped. A row edited after the import is left alone and counted. Returns the counts."""
    counts = {"restored": 0, "archived": 0, "skipped": 0}
    lock_source(job.source)
    rows = list(
        job.rows.values_list(
            "initiative_id", "created", "drafted", "was_live", "previous_revision_id", "revision_id"
        )
    )
    for start in range(0, len(rows), CHUNK):
        chunk = rows[start : start + CHUNK]
        current = Initiative.objects.in_bulk([r[0] for r in chunk])
        previous = Revision.objects.in_bulk([r[4] for r in chunk if r[4]])
        created, restored, dropped_drafts = [], [], []
        for initiative_id, was_created, drafted, was_live, previous_id, revision_id in chunk:
            initiative = current.get(initiative_id)
            if initiative is None or initiative.latest_revision_id != revision_id:
                counts["skipped"] += 1
            elif was_created:
                created.append(initiative_id)
            elif drafted:
                dropped_drafts.append(initiative)
            elif previous_id in previous:
                restored.append(initiative.with_content_json(previous[previous_id].content))
                restored[-1].live = was_live
            else:
                counts["skipped"] += 1
        now = timezone.now()
        Initiative.objects.filter(pk__in=created, archived_at=None).update(
            live_before_archive=models.F("live"), live=False, archived_at=now, updated_at=now
        )
        for initiative in restored:
            initiative.updated_at = now
            initiative.refresh_search_text()
        update_rows(restored, [*UNDONE_FIELDS, "updated_at", "search_text"])
        for name, through, column in (
            ("sectors", Initiative.sectors.through, "sector_id"),
            ("tags", Initiative.tags.through, "layertag_id"),
        ):
            through.objects.filter(initiative_id__in=[i.pk for i in restored]).delete()
            through.objects.bulk_create(
                [
                    through(initiative_id=i.pk, **{column: pk})
                    for i in restored
                    for pk in (term.pk for term in getattr(i, name).all())
                ],
                batch_size=BATCH,
            )
        previous_of = {r[0]: r[4] for r in chunk}
        for initiative in dropped_drafts:  # the public version was never touched: drop the draft
            initiative.latest_revision_id = previous_of[initiative.pk]
            initiative.has_unpublished_changes = initiative.latest_revision_id not in (
                None,
                initiative.live_revision_id,
            )
        update_rows(dropped_drafts, ["latest_revision", "has_unpublished_changes"])
        ids = [i.pk for i in restored]
        place_initiatives(Initiative.objects.filter(pk__in=ids))
        update_search_index(created)
        save_revisions(update_indexes(ids), job.user, publish=True)
        counts["restored"] += len(restored) + len(dropped_drafts)
        counts["archived"] += len(created)
        if progress:
            progress("undoing", start + len(chunk), len(rows))
    return counts


class FreeSlugs:
    """Unique slugs for many names at once in linear time: each name's next number is remembered,
    so 50,000 initiatives called the same take 50,000 steps, not 50,000² / 2."""

    def __init__(self, taken):
        self.taken, self.next = set(taken), {}

    def take(self, name):
        base = slugify(name)[:190] or "iniciativa"
        slug, n = base, self.next.get(base, 1)
        if n > 1:
            slug = f"{base}-{n}"
        while slug in self.taken:
            n += 1
            slug = f"{base}-{n}"
        self.next[base] = n + 1
        self.taken.add(slug)
        return slug


def update_search_index(ids):
    """Index initiatives written in bulk, or placed after saving (bulk writes send no save signals,
    and the index holds each one's family, sectors, tags and neighbourhood names). Returns them."""
    objects = list(with_relations(Initiative.objects.filter(pk__in=ids)))
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(Initiative, objects)
    return objects


def update_indexes(ids):
    """Bring the search and reference indexes in line for initiatives written in bulk: the reference
    index rows of all of them replaced with two queries (Wagtail writes them object by object, which
    was most of a long import's time). Returns the initiatives, loaded with their relations."""
    objects = update_search_index(ids)
    content_type = ContentType.objects.get_for_model(Initiative)
    ReferenceIndex.objects.filter(
        base_content_type=content_type, object_id__in=[str(i) for i in ids]
    ).delete()
    ReferenceIndex.objects.bulk_create(
        [
            ReferenceIndex(
                content_type=content_type,
                base_content_type=content_type,
                object_id=str(initiative.pk),
                to_content_type_id=to_content_type_id,
                to_object_id=to_object_id,
                model_path=model_path,
                content_path=content_path,
                content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
            )
            for initiative in objects
            for to_content_type_id, to_object_id, model_path, content_path in set(
                ReferenceIndex._extract_references_from_object(initiative)
            )
        ],
        batch_size=BATCH,
    )
    return objects

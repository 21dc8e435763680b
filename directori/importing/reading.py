"""Reading a file into (header, rows) of text: CSV in any encoding and delimiter, XLSX bounded
before it is unpacked, GeoJSON points. Nothing here knows the fields: that is validation's job."""

import codecs
import csv
import datetime
import io
import json
import re
import zipfile
from pathlib import Path

from django.conf import settings
from django.utils.translation import gettext as _

from .mapping import DELIMITERS, ENCODINGS, ImportFileError

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

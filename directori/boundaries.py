"""Read district and neighbourhood boundaries from Open Data BCN and CartoBCN files, in any CRS.

Accepted: the Open Data BCN CSVs (WKT in `geometria_wgs84` or `geometria_etrs89`), GeoJSON,
Shapefile and GeoPackage, from a path or an http(s) URL. Each source is recognised as districts or
neighbourhoods from its columns, reprojected to WGS84, and checked: invalid polygons are repaired
when shapely can make them valid polygons, and rejected with a message otherwise.
"""

import re
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

import geopandas as gpd
import pandas as pd
import shapely

OPEN_DATA_BCN = "https://opendata-ajuntament.barcelona.cat/resources/bcn/EstadisticaUnitatsAdministratives/"
OFFICIAL_SOURCES = [
    OPEN_DATA_BCN + "BarcelonaCiutat_Districtes.csv",
    OPEN_DATA_BCN + "BarcelonaCiutat_Barris.csv",
]
OFFICIAL_FILE_NAMES = ("BarcelonaCiutat_Districtes.csv", "BarcelonaCiutat_Barris.csv")
READABLE_SUFFIXES = (".csv", ".geojson", ".json", ".shp", ".gpkg")
EXPECTED = {"districts": 10, "neighbourhoods": 73}
WGS84 = "EPSG:4326"

# Column names seen in the wild (lower-cased), for each thing we need.
DISTRICT_CODE = ("codi_districte", "districte", "district_code", "codi_dist")
NEIGHBOURHOOD_CODE = ("codi_barri", "barri", "neighbourhood_code", "codi_barr")
NAME = ("nom_barri", "nom_districte", "nom", "name")


# The kinds of area, as messages name them.
KINDS = {"districts": gettext_lazy("districts"), "neighbourhoods": gettext_lazy("neighbourhoods")}


class BoundaryError(Exception):
    """A source that cannot be used; the message says why, in one line."""


@dataclass
class Boundaries:
    """What the sources hold, ready to store: one row per area, WGS84 shapely geometries."""

    districts: pd.DataFrame | None = None
    neighbourhoods: pd.DataFrame | None = None
    messages: list[str] = field(default_factory=list)


def default_sources(boundaries_dir):
    """The files to read when the command is given none: a local folder if set, else the official URLs."""
    if not boundaries_dir:
        return OFFICIAL_SOURCES
    folder = Path(boundaries_dir)
    if not folder.is_dir():
        raise BoundaryError(_("ESS_BOUNDARIES_DIR=%(path)s is not a folder") % {"path": boundaries_dir})
    official = [next(folder.rglob(name), None) for name in OFFICIAL_FILE_NAMES]
    if all(official):
        return [str(p) for p in official]
    found = sorted(str(p) for p in folder.iterdir() if p.suffix.lower() in READABLE_SUFFIXES)
    if not found:
        raise BoundaryError(
            _("no boundary files (%(suffixes)s) in %(folder)s")
            % {"suffixes": ", ".join(READABLE_SUFFIXES), "folder": folder}
        )
    return found


def read_sources(sources, crs=None):
    result = Boundaries()
    for source in sources:
        frame, kind = _read_one(source, crs, result.messages)
        current = getattr(result, kind)
        setattr(result, kind, frame if current is None else pd.concat([current, frame], ignore_index=True))
    for kind in ("districts", "neighbourhoods"):
        frame = getattr(result, kind)
        if frame is not None and frame["code"].duplicated().any():
            codes = ", ".join(sorted(frame.loc[frame["code"].duplicated(), "code"].unique()))
            raise BoundaryError(
                _("%(kind)s: the same code appears more than once (%(codes)s)")
                % {"kind": KINDS[kind], "codes": codes}
            )
    return result


def _read_one(source, crs, messages):
    with _local_copy(source) as path:
        frame = _read_frame(path, source, crs)
    columns = {c.lower(): c for c in frame.columns}
    district_col = _pick(columns, DISTRICT_CODE)
    neighbourhood_col = _pick(columns, NEIGHBOURHOOD_CODE)
    name_col = _pick(columns, NAME)
    is_neighbourhoods = (
        neighbourhood_col is not None and not (frame[neighbourhood_col].astype(str) == "-").all()
    )
    if is_neighbourhoods:
        name_col = columns.get("nom_barri", name_col)
    code_col = neighbourhood_col if is_neighbourhoods else district_col
    if code_col is None or name_col is None:
        raise BoundaryError(
            _("%(source)s: no district or neighbourhood code column and name column found")
            % {"source": source}
        )
    kind = "neighbourhoods" if is_neighbourhoods else "districts"

    frame = frame.to_crs(WGS84)
    out = pd.DataFrame(
        {
            "code": frame[code_col].map(lambda value: _code(value, source)),
            "name": frame[name_col].astype(str).str.strip(),
            "geometry": [
                _polygonal(g, source, code, messages)
                for g, code in zip(frame.geometry, frame[code_col], strict=True)
            ],
        }
    )
    if is_neighbourhoods:
        if district_col is None:
            raise BoundaryError(
                _("%(source)s: neighbourhoods need a district code column (%(columns)s)")
                % {"source": source, "columns": ", ".join(DISTRICT_CODE)}
            )
        out["district_code"] = frame[district_col].map(lambda value: _code(value, source))
    rejected = out["geometry"].isna()
    out = out[~rejected].reset_index(drop=True)
    count = {
        "districts": ngettext("%(source)s: %(count)s district", "%(source)s: %(count)s districts", len(out)),
        "neighbourhoods": ngettext(
            "%(source)s: %(count)s neighbourhood", "%(source)s: %(count)s neighbourhoods", len(out)
        ),
    }[kind]
    messages.append(count % {"source": source, "count": len(out)})
    return out, kind


def _read_frame(path, source, crs):
    try:
        if path.suffix.lower() == ".csv":
            table = pd.read_csv(path, dtype=str, encoding="utf-8-sig")
            columns = {c.lower(): c for c in table.columns}
            if "geometria_wgs84" in columns:
                wkt, table_crs = table.pop(columns["geometria_wgs84"]), WGS84
                table.pop(columns["geometria_etrs89"]) if "geometria_etrs89" in columns else None
            elif "geometria_etrs89" in columns:
                wkt, table_crs = table.pop(columns["geometria_etrs89"]), "EPSG:25831"
            else:
                raise BoundaryError(
                    _("%(source)s: a CSV needs a geometria_wgs84 or geometria_etrs89 column (WKT)")
                    % {"source": source}
                )
            return gpd.GeoDataFrame(
                table, geometry=shapely.from_wkt(wkt, on_invalid="ignore"), crs=crs or table_crs
            )
        frame = gpd.read_file(path)
    except BoundaryError:
        raise
    except Exception as error:  # pyogrio/pandas errors: say which file and why, in one line
        raise BoundaryError(
            _("%(source)s: cannot be read (%(error)s)")
            % {"source": source, "error": str(error).splitlines()[0]}
        ) from error
    if crs:
        frame = frame.set_crs(crs, allow_override=True)
    elif frame.crs is None:
        raise BoundaryError(
            _("%(source)s: the file does not say its coordinate system; pass --crs (e.g. EPSG:25831)")
            % {"source": source}
        )
    return frame


def save_boundaries(boundaries):
    """Upsert districts, then neighbourhoods, by official code; counts of each. Call in a transaction."""
    from .models import District, Neighbourhood

    counts = {"districts": 0, "neighbourhoods": 0}
    for row in boundaries.districts.itertuples() if boundaries.districts is not None else ():
        District.objects.update_or_create(
            code=row.code, defaults={"name": row.name, "slug": slugify(row.name), "geometry": row.geometry}
        )
        counts["districts"] += 1
    districts = dict(District.objects.values_list("code", "id"))
    for row in boundaries.neighbourhoods.itertuples() if boundaries.neighbourhoods is not None else ():
        if row.district_code not in districts:
            raise BoundaryError(
                _(
                    "neighbourhood %(code)s (%(name)s) belongs to district %(district)s, which is not loaded: "
                    "load the districts too"
                )
                % {"code": row.code, "name": row.name, "district": row.district_code}
            )
        Neighbourhood.objects.update_or_create(
            code=row.code,
            defaults={
                "name": row.name,
                "slug": slugify(row.name),
                "geometry": row.geometry,
                "district_id": districts[row.district_code],
            },
        )
        counts["neighbourhoods"] += 1
    return counts


def _polygonal(geometry, source, code, messages):
    """The geometry as a valid (Multi)Polygon, repaired if needed; None (with a message) if impossible."""
    if geometry is None or geometry.is_empty:
        messages.append(
            _("%(source)s: area %(code)s rejected: no geometry") % {"source": source, "code": code}
        )
        return None
    if not geometry.is_valid:
        reason = shapely.is_valid_reason(geometry)
        geometry = shapely.make_valid(geometry)
        if geometry.geom_type == "GeometryCollection":
            geometry = shapely.union_all(
                [g for g in geometry.geoms if g.geom_type in ("Polygon", "MultiPolygon")]
            )
        if geometry.is_empty or geometry.geom_type not in ("Polygon", "MultiPolygon"):
            messages.append(
                _("%(source)s: area %(code)s rejected: invalid polygon that cannot be repaired (%(reason)s)")
                % {"source": source, "code": code, "reason": reason}
            )
            return None
        messages.append(
            _("%(source)s: area %(code)s repaired (%(reason)s)")
            % {"source": source, "code": code, "reason": reason}
        )
    if geometry.geom_type not in ("Polygon", "MultiPolygon"):
        messages.append(
            _("%(source)s: area %(code)s rejected: a %(kind)s, not a polygon")
            % {"source": source, "code": code, "kind": geometry.geom_type}
        )
        return None
    if geometry.area == 0:
        messages.append(
            _("%(source)s: area %(code)s rejected: the polygon has no area")
            % {"source": source, "code": code}
        )
        return None
    return geometry


def _pick(columns, candidates):
    return next((columns[c] for c in candidates if c in columns), None)


def _code(value, source):
    """Official codes are two digits: "1", "01", 1.0 and " 01 " are all "01"."""
    text = str(value).strip()
    match = re.fullmatch(r"0*(\d{1,2})(?:\.0+)?", text)
    if not match:
        raise BoundaryError(_("%(source)s: unexpected area code %(code)r") % {"source": source, "code": text})
    return match.group(1).zfill(2)


class _local_copy:
    """A path to read: the source itself, or a temporary download of an http(s) URL."""

    def __init__(self, source):
        self.source = source
        self.tmp = None

    def __enter__(self):
        if urlparse(str(self.source)).scheme not in ("http", "https"):
            path = Path(self.source)
            if not path.exists():
                raise BoundaryError(_("%(path)s: no such file") % {"path": self.source})
            return path
        suffix = Path(urlparse(self.source).path).suffix or ".geojson"
        self.tmp = tempfile.NamedTemporaryFile(suffix=suffix)  # noqa: SIM115  (closed in __exit__)
        try:
            with urllib.request.urlopen(self.source, timeout=30) as response:  # noqa: S310  (http(s) only)
                self.tmp.write(response.read())
        except urllib.error.HTTPError as error:
            self.tmp.close()
            raise BoundaryError(
                _("cannot download %(url)s: the server answered %(code)s %(reason)s")
                % {"url": self.source, "code": error.code, "reason": error.reason}
            ) from None
        except (urllib.error.URLError, TimeoutError, OSError) as error:
            self.tmp.close()
            reason = getattr(error, "reason", error)
            raise BoundaryError(
                _(
                    "cannot download %(url)s (%(reason)s); are you offline? "
                    "Pass local files, or set ESS_BOUNDARIES_DIR to a folder that holds them."
                )
                % {"url": self.source, "reason": reason}
            ) from error
        self.tmp.flush()
        return Path(self.tmp.name)

    def __exit__(self, *exc):
        if self.tmp is not None:
            self.tmp.close()

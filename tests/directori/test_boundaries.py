"""load_boundaries: every format and CRS gives the same 10 districts and 73 neighbourhoods."""

import json

from django.core.management import CommandError, call_command
from django.test import override_settings

import pytest

from directori.models import District, Initiative, Neighbourhood
from tests.conftest import BOUNDARIES_DIR, OPEN_DATA_CSVS

pytestmark = pytest.mark.django_db


def load(*sources, **options):
    call_command("load_boundaries", *map(str, sources), **options)


def snapshot():
    return (
        list(District.objects.values_list("id", "code", "name", "slug")),
        list(Neighbourhood.objects.values_list("id", "code", "name", "district__code")),
    )


def carto_bcn(folder, suffix, crs):
    """The shipped boundaries written as CartoBCN publishes them (GeoJSON in WGS84, Shapefiles in
    EPSG:25831): its column names (DISTRICTE, BARRI with "-" in the districts' file, NOM), not ours."""
    import geopandas as gpd
    import pandas as pd

    paths = []
    for source in OPEN_DATA_CSVS:
        table = pd.read_csv(source, dtype=str)
        neighbourhoods = "codi_barri" in table
        frame = gpd.GeoDataFrame(
            {
                "DISTRICTE": table["codi_districte"],
                "BARRI": table["codi_barri"] if neighbourhoods else "-",
                "NOM": table["nom_barri" if neighbourhoods else "nom_districte"],
            },
            geometry=gpd.GeoSeries.from_wkt(table["geometria_wgs84"], crs="EPSG:4326"),
        ).to_crs(crs)
        paths.append(folder / f"{source.stem}{suffix}")
        frame.to_file(paths[-1], encoding="utf-8")
    return paths


@pytest.mark.parametrize(
    "write",
    [
        lambda folder: OPEN_DATA_CSVS,
        lambda folder: carto_bcn(folder, ".geojson", "EPSG:4326"),
        lambda folder: carto_bcn(folder, ".shp", "EPSG:25831"),
    ],
    ids=["open-data-csv", "geojson-wgs84", "shapefile-etrs89"],
)
def test_each_format_loads_the_city(boundary_data, tmp_path, write):
    load(*write(tmp_path))
    assert District.objects.count() == 10
    assert Neighbourhood.objects.count() == 73
    gracia = District.objects.get(code="06")
    assert (gracia.name, gracia.slug, gracia.neighbourhoods.count()) == ("Gràcia", "gracia", 5)
    assert Neighbourhood.objects.get(code="01").name == "el Raval"
    # WGS84 whatever the source CRS: Barcelona's bounds (data/README.md).
    min_lon, min_lat, max_lon, max_lat = gracia.geometry.bounds
    assert 2.05 < min_lon < max_lon < 2.23 and 41.31 < min_lat < max_lat < 41.47


def test_csv_with_only_etrs89_geometry(boundary_data, tmp_path):
    """The Open Data CSVs carry WKT twice; with only the EPSG:25831 column the result is the same."""
    import pandas as pd

    paths = []
    for source in OPEN_DATA_CSVS:
        table = pd.read_csv(source, dtype=str).drop(columns=["geometria_wgs84"])
        paths.append(tmp_path / source.name)
        table.to_csv(paths[-1], index=False)
    load(*paths)
    centroid = District.objects.get(code="02").geometry.centroid
    assert centroid.x == pytest.approx(2.16, abs=0.02) and centroid.y == pytest.approx(41.39, abs=0.02)


def test_loading_twice_changes_nothing(boundaries):
    before = snapshot()
    load(*OPEN_DATA_CSVS)
    assert snapshot() == before


def test_a_partial_source_is_refused_unless_allowed(boundary_data):
    with pytest.raises(
        CommandError, match="expected 73 neighbourhoods, the sources hold 0: nothing was changed"
    ):
        load(OPEN_DATA_CSVS[0], language="en")
    assert District.objects.count() == 0
    load(OPEN_DATA_CSVS[0], allow_partial=True)
    assert District.objects.count() == 10


def feature(code, name, coordinates, kind="Polygon"):
    return {
        "type": "Feature",
        "properties": {"codi_districte": code, "nom_districte": name},
        "geometry": {"type": kind, "coordinates": coordinates},
    }


def test_invalid_polygons_are_repaired_or_rejected_with_a_message(db, tmp_path, capsys):
    bowtie = [[[2.10, 41.40], [2.12, 41.42], [2.12, 41.40], [2.10, 41.42], [2.10, 41.40]]]
    path = tmp_path / "districtes.geojson"
    path.write_text(
        json.dumps(
            {
                "type": "FeatureCollection",
                "features": [
                    feature("1", "Llaç", bowtie),
                    feature("2", "Línia", [[2.1, 41.4], [2.2, 41.5]], kind="LineString"),
                ],
            }
        )
    )
    load(path, allow_partial=True, language="en")
    out = capsys.readouterr().out
    assert "area 1 repaired (Self-intersection" in out
    assert "area 2 rejected: a LineString, not a polygon" in out
    assert list(District.objects.values_list("code", flat=True)) == ["01"]
    assert District.objects.get().geometry.is_valid


def test_offline_download_fails_in_one_clear_line(db):
    with pytest.raises(CommandError) as error:
        load("http://127.0.0.1:9/BarcelonaCiutat_Districtes.csv", language="en")
    message = str(error.value)
    assert "\n" not in message
    assert message.startswith("cannot download http://127.0.0.1:9/BarcelonaCiutat_Districtes.csv")
    assert "ESS_BOUNDARIES_DIR" in message


def test_missing_file_and_unreadable_file(db, tmp_path):
    with pytest.raises(CommandError, match="no existeix aquest fitxer"):
        load(tmp_path / "nope.geojson", language="ca")
    (tmp_path / "broken.geojson").write_text("{ not json")
    with pytest.raises(CommandError, match="broken.geojson: cannot be read"):
        load(tmp_path / "broken.geojson", language="en")


def test_without_sources_it_reads_ess_boundaries_dir(boundary_data, tmp_path):
    for source in OPEN_DATA_CSVS:
        (tmp_path / source.name).write_bytes(source.read_bytes())
    with override_settings(ESS_BOUNDARIES_DIR=str(tmp_path)):
        load()
    assert (District.objects.count(), Neighbourhood.objects.count()) == (10, 73)


def test_by_default_it_reads_the_copy_the_project_ships(boundary_data, settings):
    """A clone loads the city offline: the default folder is data/boundaries, inside the repository."""
    assert str(BOUNDARIES_DIR) == settings.ESS_BOUNDARIES_DIR
    load()
    assert (District.objects.count(), Neighbourhood.objects.count()) == (10, 73)


def test_skip_if_loaded_does_nothing_the_second_time(boundaries, capsys):
    load("/nonexistent/file.csv", skip_if_loaded=True, language="es")
    assert "límites ya cargados: 10 distritos y 73 barrios" in capsys.readouterr().out


def test_loading_boundaries_places_existing_initiatives(boundary_data):
    initiative = Initiative.objects.create(name="Abans dels límits", longitude=2.1574, latitude=41.4010)
    assert initiative.district is None
    load(*OPEN_DATA_CSVS)
    initiative.refresh_from_db()
    assert initiative.district.name == "Gràcia"

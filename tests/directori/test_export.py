"""export_initiatives: live initiatives only, with the contract columns."""

import csv
import io
import json

from django.core.management import call_command

import pytest

from directori.models import Initiative

pytestmark = pytest.mark.django_db


@pytest.fixture
def initiatives(boundaries):
    Initiative.objects.create(
        name="Cal Veïnat", longitude=2.1574, latitude=41.4010, source="s", external_id="1"
    )
    Initiative.objects.create(
        name="<script>alert(1)</script>", longitude=2.25, latitude=41.37, source="s", external_id="2"
    )
    Initiative.objects.create(name="Esborrany", longitude=2.1574, latitude=41.4010, live=False)


def export(fmt, tmp_path):
    out = tmp_path / f"export.{fmt}"
    call_command("export_initiatives", format=fmt, out=str(out))
    return out.read_text(encoding="utf-8-sig")


def test_csv_export(initiatives, tmp_path):
    rows = list(csv.DictReader(io.StringIO(export("csv", tmp_path))))
    assert [r["name"] for r in rows] == ["Cal Veïnat", "<script>alert(1)</script>"]
    assert rows[0]["external_id"] == "1" and rows[0]["source"] == "s"
    assert (rows[0]["lat"], rows[0]["lon"]) == ("41.401", "2.1574")
    assert (rows[0]["district_code"], rows[0]["neighbourhood_code"], rows[0]["outside_city"]) == (
        "06",
        "31",
        "False",
    )
    assert (rows[1]["district_code"], rows[1]["outside_city"]) == ("", "True")


def test_geojson_export(initiatives, tmp_path):
    data = json.loads(export("geojson", tmp_path))
    assert data["type"] == "FeatureCollection"
    assert [f["properties"]["name"] for f in data["features"]] == ["Cal Veïnat", "<script>alert(1)</script>"]
    assert data["features"][0]["geometry"] == {"type": "Point", "coordinates": [2.1574, 41.401]}
    assert data["features"][0]["properties"]["district_code"] == "06"


def test_csv_export_opens_in_spreadsheets_as_utf8(initiatives, tmp_path):
    """A byte order mark first: Excel and LibreOffice then read "Veïnat", not "VeÃ¯nat"."""
    call_command("export_initiatives", format="csv", out=str(tmp_path / "export.csv"))
    raw = (tmp_path / "export.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbfexternal_id,") and "Cal Veïnat".encode() in raw
    assert raw.count(b"\xef\xbb\xbf") == 1


def test_export_to_stdout(initiatives, capsys):
    call_command("export_initiatives", format="csv")
    out = capsys.readouterr().out
    assert out.startswith(
        "\ufeffexternal_id,source,name,lat,lon,district_code,neighbourhood_code,outside_city"
    )
    assert "Esborrany" not in out


def test_csv_cells_never_run_as_spreadsheet_formulas(boundaries, tmp_path):
    Initiative.objects.create(name='=HYPERLINK("http://x","clic")', longitude=-0.5, latitude=41.40)
    row = next(csv.DictReader(io.StringIO(export("csv", tmp_path))))
    assert row["name"] == '\'=HYPERLINK("http://x","clic")'
    assert row["lon"] == "-0.5"  # numbers keep their sign

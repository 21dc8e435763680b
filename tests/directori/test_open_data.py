"""The open-data downloads and the API's GeoJSON under load and over time: streamed from a file built
once per version of the data, never stale, and their text is text (no HTML, no entities, no formula
a spreadsheet would run, phone numbers untouched)."""

import csv
import gzip
import io
import json
import os

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from directori.exporting import inert
from directori.models import Initiative, Sector

pytestmark = pytest.mark.django_db

URLS = {
    "csv": "/ca/directori/export.csv",
    "geojson": "/ca/directori/export.geojson",
    "jsonld": "/ca/directori/export.jsonld",
    "api": "/api/v1/initiatives.geojson",
}


@pytest.fixture(autouse=True)
def export_dir(settings, tmp_path):
    settings.EXPORT_CACHE_DIR = tmp_path / "exports"
    return settings.EXPORT_CACHE_DIR


@pytest.fixture
def shops(boundaries):
    sector = Sector.objects.create(slug="consum", name="Consum")

    def make(name, **extra):
        initiative = Initiative(name=name, longitude=2.1574, latitude=41.4010, **extra)
        initiative.save()
        return initiative

    live = [make("Cal Veïnat", live=True), make("La Fruiteria", live=True, phone="+34 93 123 45 67")]
    live[0].sectors.set([sector])
    live[0].save()
    make("Esborrany", live=False)
    return live


def names(fmt, body):
    if fmt == "csv":
        return [row["name"] for row in csv.DictReader(io.StringIO(body.decode("utf-8-sig")))]
    data = json.loads(body)
    if fmt == "jsonld":
        return [node["name"] for node in data["@graph"]]
    return [feature["properties"]["name"] for feature in data["features"]]


def get(client, fmt, **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URLS[fmt], headers=headers)
    assert response.status_code == 200, response
    return response, len(queries)


@pytest.mark.parametrize("fmt", URLS)
def test_exports_stream_every_live_initiative_then_come_from_the_file(client, shops, fmt):
    first, built = get(client, fmt)
    assert first.streaming
    body = first.getvalue()
    assert names(fmt, body) == ["Cal Veïnat", "La Fruiteria"]  # no draft
    second, served = get(client, fmt)
    assert second.getvalue() == body and second["ETag"] == first["ETag"]
    assert served < built  # the data's version only: no rows, no links
    assert client.get(URLS[fmt], headers={"If-None-Match": first["ETag"]}).status_code == 304


@pytest.mark.parametrize("fmt", URLS)
def test_any_change_shows_in_the_next_export(client, shops, fmt, export_dir):
    before, _ = get(client, fmt)
    shops[1].name = "La Fruiteria Nova"
    shops[1].save()
    renamed, _ = get(client, fmt)
    assert renamed["ETag"] != before["ETag"]
    assert names(fmt, renamed.getvalue()) == ["Cal Veïnat", "La Fruiteria Nova"]

    Initiative.objects.filter(pk=shops[0].pk).delete()
    assert names(fmt, get(client, fmt)[0].getvalue()) == ["La Fruiteria Nova"]
    assert len(os.listdir(export_dir)) == 2  # this version, plain and gzipped: earlier ones are gone


@pytest.mark.parametrize("fmt", URLS)
def test_a_client_that_accepts_gzip_gets_the_gzipped_file(client, shops, fmt):
    plain, _ = get(client, fmt)
    body = plain.getvalue()
    zipped, _ = get(client, fmt, **{"Accept-Encoding": "gzip, br"})
    assert zipped["Content-Encoding"] == "gzip" and zipped["Vary"] == "Accept-Encoding"
    assert gzip.decompress(zipped.getvalue()) == body
    assert zipped["ETag"] != plain["ETag"]
    again = client.get(URLS[fmt], headers={"Accept-Encoding": "gzip", "If-None-Match": zipped["ETag"]})
    assert again.status_code == 304


def test_a_link_to_a_sector_alone_changes_the_export(client, shops):
    assert get(client, "csv")[0].getvalue().decode().count("consum") == 1
    Initiative.sectors.through.objects.create(initiative=shops[1], sector=Sector.objects.get())
    assert get(client, "csv")[0].getvalue().decode().count("consum") == 2  # no save, no updated_at


def test_filters_make_their_own_file_and_bad_values_a_400(client, shops):
    response = client.get(URLS["csv"], {"sector": "consum"})
    body = response.getvalue()
    assert body.startswith(b"\xef\xbb\xbfexternal_id,")  # a BOM: spreadsheets then read UTF-8
    assert names("csv", body) == ["Cal Veïnat"]
    assert names("csv", client.get(URLS["csv"]).getvalue()) == ["Cal Veïnat", "La Fruiteria"]
    response = client.get(URLS["csv"], {"sector": "pirates"})
    assert response.status_code == 400 and b"sector=pirates" in response.content


def test_the_number_of_queries_does_not_grow_with_the_rows(client, shops, settings):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            client.get(URLS["csv"]).getvalue()
        return len(captured)

    few = queries()
    Initiative.objects.bulk_create(
        Initiative(name=f"Botiga {n}", slug=f"b-{n}", live=True) for n in range(80)
    )
    assert queries() == few


DESCRIPTION = "<p>Pa &amp; roses</p><ul><li>1 &lt; 2</li></ul><p><b>Obert</b> &quot;cada&quot; dia</p>"
PLAIN = 'Pa & roses 1 < 2 Obert "cada" dia'


def test_descriptions_are_plain_text_in_every_format(client, boundaries):
    shop = Initiative(
        name="Cal Veïnat", longitude=2.1574, latitude=41.4010, live=True, description=DESCRIPTION
    )
    shop.save()
    row = next(csv.DictReader(io.StringIO(client.get(URLS["csv"]).getvalue().decode("utf-8-sig"))))
    assert row["description"] == PLAIN
    for fmt in ("geojson", "api"):
        [feature] = json.loads(client.get(URLS[fmt]).getvalue())["features"]
        assert feature["properties"]["description"] == PLAIN
    [node] = json.loads(client.get(URLS["jsonld"]).getvalue())["@graph"]
    assert node["description"] == PLAIN
    assert client.get(f"/api/v1/initiatives/{shop.slug}").json()["description"] == PLAIN
    assert client.get("/api/v1/initiatives").json()["results"][0]["description"] == PLAIN
    page = client.get(shop.get_absolute_url()).content.decode()
    script = page.split('<script type="application/ld+json">')[1].split("</script>")[0]
    assert "<" not in script and "&amp;" not in script  # the page's JSON-LD cannot close its element
    assert json.loads(script)["description"] == PLAIN


@pytest.mark.parametrize(
    "value",
    [
        '=HYPERLINK("http://x","clic")',
        "+cmd|' /C calc'!A0",
        "-2+3+cmd|' /C calc'!A0",
        "@SUM(1+1)*cmd|' /C calc'!A0",
        "=1+1",
        "\t=1",
        "\r=1",
        "+",
        "-",
        "+34 93 123 45 67 =HYPERLINK(1)",
    ],
)
def test_formulas_are_made_inert(value):
    assert inert(value) == "'" + value


@pytest.mark.parametrize(
    "value", ["+34 93 123 45 67", "+34 (93) 123-45-67", "-3.5", "-0,5", "+1", "93 123 45 67", "Cal Veïnat"]
)
def test_numbers_and_phone_numbers_are_left_alone(value):
    assert inert(value) == value


def test_the_csv_keeps_phones_and_neutralises_formulas(client, boundaries):
    Initiative.objects.create(name='=HYPERLINK("http://x","clic")', phone="+34 93 123 45 67", live=True)
    Initiative.objects.create(name="@SUM(A1)", phone="-", longitude=-0.5, latitude=41.4, live=True)
    rows = list(csv.DictReader(io.StringIO(client.get(URLS["csv"]).getvalue().decode("utf-8-sig"))))
    assert [(r["name"], r["phone"], r["lon"]) for r in rows] == [
        ('\'=HYPERLINK("http://x","clic")', "+34 93 123 45 67", ""),
        ("'@SUM(A1)", "'-", "-0.5"),
    ]

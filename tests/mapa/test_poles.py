"""`suggest_poles` proposes economic poles from where initiatives cluster; staff accept or dismiss."""

from django.core.management import CommandError, call_command

import pytest

from directori.models import Initiative
from mapa.models import EconomicPole

pytestmark = pytest.mark.django_db


@pytest.fixture
def cluster(boundaries):
    """Ten initiatives within about 100 m in la Vila de Gràcia, and five scattered over the city."""
    for n in range(10):
        Initiative(name=f"Gràcia {n}", longitude=2.1570 + n * 0.0001, latitude=41.4010, live=True).save()
    for n, (lon, lat) in enumerate(
        [(2.17, 41.38), (2.19, 41.40), (2.13, 41.39), (2.20, 41.43), (2.15, 41.42)]
    ):
        Initiative(name=f"Sola {n}", longitude=lon, latitude=lat, live=True).save()
    Initiative(name="Esborrany", longitude=2.1571, latitude=41.4011, live=False).save()


def suggest(*args):
    call_command("suggest_poles", *args, stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_a_cluster_becomes_a_suggested_pole_in_its_district(cluster):
    suggest("--min", "5", "--radius", "200")
    [pole] = EconomicPole.objects.all()
    assert pole.status == "suggested" and pole.district.name == "Gràcia"
    assert pole.name == "Pol suggerit: la Vila de Gràcia"
    assert sorted(pole.members.values_list("name", flat=True)) == [f"Gràcia {n}" for n in range(10)]
    assert pole.area.contains(pole.area.centroid)


def test_a_rerun_replaces_suggestions_and_leaves_dismissed_areas_alone(cluster):
    suggest("--min", "5", "--radius", "200")
    suggest("--min", "5", "--radius", "200")
    pole = EconomicPole.objects.get()
    pole.status = "dismissed"
    pole.save()
    suggest("--min", "5", "--radius", "200")
    assert list(EconomicPole.objects.values_list("status", flat=True)) == ["dismissed"]


def test_a_higher_minimum_suggests_nothing(cluster):
    suggest("--min", "11", "--radius", "200")
    assert not EconomicPole.objects.exists()


@pytest.mark.parametrize(("args", "message"), [(["--min", "1"], "--min"), (["--radius", "0"], "--radius")])
def test_bad_arguments_are_refused_with_a_reason(cluster, args, message):
    with pytest.raises(CommandError, match=message):
        suggest(*args)


def test_no_data_is_said_plainly(db):
    with pytest.raises(CommandError, match="no hi ha iniciatives publicades amb posició"):
        suggest("--language=ca")


GRACIA_SQUARE = {
    "type": "Polygon",
    "coordinates": [[[2.155, 41.400], [2.160, 41.400], [2.160, 41.404], [2.155, 41.404], [2.155, 41.400]]],
}


@pytest.mark.parametrize(
    ("area", "message"),
    [
        ("{not json", "no és una geometria GeoJSON"),
        (
            '{"type": "LineString", "coordinates": [[2.15, 41.40], [2.16, 41.41]]}',
            "Polygon o un MultiPolygon",
        ),
        (
            '{"type": "Polygon", "coordinates": [[[2.15, 41.40], [2.16, 41.41], [2.16, 41.40], [2.15, 41.41], [2.15, 41.40]]]}',
            "es creua",
        ),
        (
            '{"type": "Polygon", "coordinates": [[[41.40, 2.15], [41.40, 2.16], [41.41, 2.16], [41.40, 2.15]]]}',
            "Barcelona",
        ),
    ],
)
def test_staff_paste_a_pole_area_and_bad_geometry_gets_a_field_error(admin_client, boundaries, area, message):
    import json

    from directori.models import District

    gracia = District.objects.get(code="06")
    form = {
        "name": "Plaça del Sol",
        "district": gracia.pk,
        "status": "accepted",
        "description": "",
        "area_geojson": area,
    }
    response = admin_client.post("/admin/snippets/mapa/economicpole/add/", form)
    assert response.status_code == 200
    assert message in str(response.context["form"].errors["area_geojson"]).replace("&#x27;", "'")
    assert not EconomicPole.objects.exists()

    form["area_geojson"] = json.dumps({"type": "Feature", "geometry": GRACIA_SQUARE, "properties": {}})
    assert admin_client.post("/admin/snippets/mapa/economicpole/add/", form).status_code == 302
    pole = EconomicPole.objects.get()
    assert pole.area.bounds == (2.155, 41.4, 2.16, 41.404)

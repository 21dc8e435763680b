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
    with pytest.raises(CommandError, match="no live initiatives"):
        suggest()

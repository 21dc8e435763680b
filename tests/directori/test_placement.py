"""Points land in the right official district and neighbourhood; points outside are kept and flagged."""

from django.core.management import call_command

import pytest

from directori.models import District, Initiative, Neighbourhood
from directori.placement import place_initiatives
from tests.conftest import OPEN_DATA_CSVS
from tests.directori.conftest import LANDMARKS, OUTSIDE

pytestmark = pytest.mark.django_db


def make(name, lon, lat, **kwargs):
    initiative = Initiative(name=name, longitude=lon, latitude=lat, **kwargs)
    initiative.save()
    return initiative


@pytest.mark.parametrize(("place", "lon", "lat", "district", "neighbourhood"), LANDMARKS)
def test_a_saved_initiative_is_placed_in_its_district(boundaries, place, lon, lat, district, neighbourhood):
    initiative = make(place, lon, lat)
    assert initiative.district.name == district
    assert initiative.outside_city is False
    assert initiative.neighbourhood.district == initiative.district
    if neighbourhood:
        assert initiative.neighbourhood.name == neighbourhood


@pytest.mark.parametrize(("place", "lon", "lat"), OUTSIDE)
def test_points_outside_the_city_are_kept_and_flagged(boundaries, place, lon, lat):
    initiative = make(place, lon, lat)
    initiative.refresh_from_db()
    assert initiative.outside_city is True
    assert initiative.district is None
    assert initiative.neighbourhood is None


def test_an_initiative_without_a_point_is_neither_placed_nor_outside(boundaries):
    initiative = make("Botiga en línia", None, None)
    assert (initiative.district, initiative.outside_city) == (None, False)


def test_every_district_is_reached_by_bulk_placement(boundaries):
    ids = [
        Initiative.objects.create(name=name, longitude=lon, latitude=lat).pk
        for name, lon, lat, *_ in LANDMARKS + [(*o, None, None) for o in OUTSIDE]
    ]
    Initiative.objects.filter(pk__in=ids).update(district=None, neighbourhood=None, outside_city=False)
    assert place_initiatives() == len(ids)
    placed = dict(Initiative.objects.values_list("name", "district__name"))
    assert {placed[name] for name, *_ in LANDMARKS} == set(District.objects.values_list("name", flat=True))
    assert Initiative.objects.filter(outside_city=True).count() == len(OUTSIDE)
    assert place_initiatives() == 0, "a second pass changes nothing"


def test_reloading_boundaries_re_places_initiatives(boundaries):
    initiative = make("Sagrada Família", 2.1744, 41.4036)
    Initiative.objects.filter(pk=initiative.pk).update(district=None, neighbourhood=None)
    call_command("load_boundaries", *map(str, OPEN_DATA_CSVS))
    initiative.refresh_from_db()
    assert initiative.neighbourhood == Neighbourhood.objects.get(name="la Sagrada Família")


def test_a_point_on_a_shared_edge_gets_one_place_deterministically(boundaries):
    """A point on the line between two neighbourhoods touches both: the lower code wins, always."""
    eixample = Neighbourhood.objects.filter(district__code="02")
    gracia = Neighbourhood.objects.filter(district__code="06")
    lower, higher, edge = next(
        (a, b, a.geometry.boundary.intersection(b.geometry.boundary))
        for a in eixample
        for b in gracia
        if a.geometry.boundary.intersection(b.geometry.boundary).length > 0
    )
    lon, lat = edge.representative_point().coords[0]
    assert lower.code < higher.code
    placed = make("Límit", lon, lat)
    assert (placed.neighbourhood, placed.district.code) == (lower, "02")

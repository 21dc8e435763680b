"""seed_demo's directory part: taxonomies always, example initiatives once boundaries are loaded."""

from django.core.management import call_command

import pytest

from directori.models import EssFamily, Evaluation, Initiative, Neighbourhood, Sector

pytestmark = pytest.mark.django_db


def test_without_boundaries_only_the_taxonomies_are_seeded(seeded):
    assert EssFamily.objects.filter(slug="cooperativa-d-habitatge").exists()
    assert set(Sector.objects.values_list("code", flat=True)) >= {
        "AGRO",
        "CONSUM",
        "HABIT",
        "TÈXTIL",
        "TRANS",
        "MOB",
    }
    assert not Initiative.objects.exists()


def test_examples_cover_every_neighbourhood_deterministically(boundaries):
    call_command("seed_demo", force=True)
    examples = Initiative.objects.filter(is_example=True)
    assert examples.count() == 300
    assert examples.live().count() == 300
    assert examples.values("neighbourhood").distinct().count() == Neighbourhood.objects.count() == 73
    assert not examples.filter(outside_city=True).exists()
    assert Evaluation.objects.filter(initiative__in=examples).exists()
    first = list(examples.order_by("external_id").values_list("name", "latitude", "longitude")[:5])

    call_command("seed_demo", force=True)
    assert Initiative.objects.count() == 300
    assert list(examples.order_by("external_id").values_list("name", "latitude", "longitude")[:5]) == first

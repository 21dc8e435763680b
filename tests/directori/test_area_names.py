"""Neighbourhood names begin with a capital where they begin a title, a line or a list item ("El
Raval"); the official name ("el Raval") stays for the middle of a sentence."""

import html

from django.urls import reverse

import pytest

from directori.models import Neighbourhood
from directori.selection import Selection


@pytest.mark.django_db
def test_a_neighbourhood_begins_with_a_capital_at_the_start_of_its_page_and_lists(client, boundaries):
    raval = Neighbourhood.objects.get(name="el Raval")
    assert raval.label == str(raval) == "El Raval"
    body = html.unescape(client.get(reverse("directori:neighbourhood", args=[raval.slug])).content.decode())
    assert "<h1>El Raval</h1>" in body
    assert "<title>El Raval" in body
    assert ">el Raval<" not in body
    map_page = html.unescape(client.get(reverse("mapa:index")).content.decode())
    assert ">El Raval</option>" in map_page and ">el Raval</option>" not in map_page
    options = {f["param"]: f for f in Selection.of(barri=[raval.slug]).facets()}["barri"]["options"]
    assert [o["label"] for o in options if o["value"] == raval.slug] == ["El Raval"]


@pytest.mark.django_db
def test_the_map_names_a_neighbourhood_with_a_capital(client, boundaries):
    raval = Neighbourhood.objects.get(name="el Raval")
    response = client.get(reverse("mapa:area", args=["barri", raval.slug]))
    assert response.json()["features"][0]["properties"]["name"] == "El Raval"

"""Lists sorted by name follow each language's rules (ICU) in Python, on SQLite and on PostgreSQL:
"Tèxtil" before "Transició energètica", "Acompanya el Baix Guinardó" before "Acompanya Verdun" (byte
order says the opposite of both), and "ñ" after "n" in Spanish only."""

import html

from django.db import connection
from django.urls import reverse
from django.utils import translation

import pytest

from core.collation import Collated, collation_name, sort_key, sorted_by_name
from directori.models import Initiative, Sector
from directori.selection import Selection

CATALAN = [
    "Acompanya el Baix Guinardó",
    "Acompanya Verdun",
    "Àgora",
    "Tèxtil",
    "Transició energètica",
    "Zona",
]


def test_python_sorts_as_each_language():
    shuffled = sorted(CATALAN, reverse=True)
    assert sorted(shuffled) != CATALAN  # byte order is wrong: the test would catch a plain sort
    assert sorted_by_name(shuffled, language="ca") == CATALAN
    assert sorted(["Ñandú", "Nyala", "Nzara"], key=lambda s: sort_key(s, "es")) == ["Nyala", "Nzara", "Ñandú"]
    assert sorted(["Ñandú", "Nyala", "Nzara"], key=lambda s: sort_key(s, "ca")) == ["Ñandú", "Nyala", "Nzara"]


def test_a_language_the_site_does_not_have_falls_back_to_catalan():
    assert collation_name("fr") == collation_name("ca") == "ca-x-icu"
    with translation.override("es"):
        assert collation_name() == "es-x-icu"


@pytest.mark.django_db
def test_the_database_orders_by_the_active_languages_collation():
    for n, name in enumerate(reversed(CATALAN)):
        Sector.objects.create(slug=f"s{n}", name=name)
    with translation.override("ca"):
        assert list(Sector.objects.order_by(Collated("name")).values_list("name", flat=True)) == CATALAN


@pytest.mark.django_db
def test_translated_names_sort_by_the_label_the_visitor_reads():
    Sector.objects.create(slug="a", name="Ñandú", name_es="Ñandú", name_en="Rhea")
    Sector.objects.create(slug="b", name="Nzara")  # no Spanish or English name: the Catalan one
    Sector.objects.create(slug="c", name="Nyala", name_es="Nyala")
    ordered = Sector.objects.order_by(Collated("name", translated=True))  # compiled anew on each .all()
    with translation.override("ca"):
        assert [s.label for s in ordered.all()] == ["Ñandú", "Nyala", "Nzara"]
    with translation.override("es"):
        assert [s.label for s in ordered.all()] == ["Nyala", "Nzara", "Ñandú"]
    with translation.override("en"):
        assert [s.label for s in ordered.all()] == ["Nyala", "Nzara", "Rhea"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_the_directory_lists_initiatives_by_name_in_each_language(client, language):
    for n, name in enumerate(reversed(CATALAN)):
        Initiative.objects.create(name=name, longitude=2.17, latitude=41.39, source="t", external_id=str(n))
    with translation.override(language):
        body = html.unescape(client.get(reverse("directori:index")).content.decode())
    positions = [body.index(f">{name}<") for name in CATALAN]
    assert positions == sorted(positions), connection.vendor


@pytest.mark.django_db
def test_the_directorys_sector_facet_is_in_each_languages_order():
    """Byte order put "Transició energètica" before "Tèxtil", and "Ñ" before "Nyala" in Spanish."""
    names = [("Tèxtil", "Textil"), ("Transició energètica", "Ñandú"), ("Acompanya", "Nyala")]
    for n, (name, name_es) in enumerate(names):
        initiative = Initiative.objects.create(name=f"I{n}", longitude=2.17, latitude=41.39)
        initiative.sectors.add(Sector.objects.create(slug=f"s{n}", name=name, name_es=name_es))
        initiative.save()  # a parental many-to-many is written when its owner is saved

    def labels(language):
        with translation.override(language):
            facets = {facet["param"]: facet for facet in Selection().facets()}
        return [option["label"] for option in facets["sector"]["options"]]

    assert labels("ca") == ["Acompanya", "Tèxtil", "Transició energètica"]
    assert labels("es") == ["Nyala", "Ñandú", "Textil"]

"""Initiatives in Spanish and English: optional descriptions that the admin, the importer, the exports,
the API, search and the public pages carry; Catalan shown in their place says so with lang="ca"."""

import csv
import io
import json
import re

from django.contrib.auth import get_user_model
from django.core.management import CommandError
from django.utils import translation

import pytest

from directori.models import EssFamily, Initiative, LayerTag, Sector
from tests.directori.test_import import run, write

pytestmark = pytest.mark.django_db

CA = "<p>Cooperativa d'habitatge en cessió d'ús.</p>"
ES = "<p>Cooperativa de vivienda en cesión de uso.</p>"


@pytest.fixture
def sostre(boundaries):
    """A housing co-op with a Spanish description but no English one; its family is translated into
    Spanish only, its sector into both, its layer tag into neither."""
    family = EssFamily.objects.create(
        slug="cooperativa-d-habitatge", name="Cooperativa d'habitatge", name_es="Cooperativa de vivienda"
    )
    housing = Sector.objects.create(slug="habitatge", name="Habitatge", name_es="Vivienda", name_en="Housing")
    tag = LayerTag.objects.create(slug="botiga-de-barri", name="Botiga de barri", group="market")
    initiative = Initiative(
        name="Sostre de Gràcia",
        description=CA,
        description_es=ES,
        legal_form="Cooperativa",
        opening_hours="Dilluns a divendres",
        family=family,
        longitude=2.1574,
        latitude=41.4010,
        live=True,
    )
    initiative.save()
    initiative.sectors.set([housing])
    initiative.tags.set([tag])
    initiative.save()  # a clusterable model keeps its relations in memory until saved
    return initiative


# ---------------------------------------------------------------- model


def test_the_description_follows_the_language_and_says_when_it_fell_back(sostre):
    seen = {}
    for language in ("ca", "es", "en"):
        with translation.override(language):
            seen[language] = (sostre.description_in_language, sostre.description_lang)
    assert seen == {"ca": (CA, ""), "es": (ES, ""), "en": (CA, "ca")}


def test_a_vocabulary_label_says_when_it_fell_back_to_catalan(sostre):
    family = sostre.family
    with translation.override("es"):
        assert (family.label, family.label_lang) == ("Cooperativa de vivienda", "")
    with translation.override("en"):
        assert (family.label, family.label_lang) == ("Cooperativa d'habitatge", "ca")
    with translation.override("ca"):
        assert (family.label, family.label_lang) == ("Cooperativa d'habitatge", "")


def test_translated_descriptions_are_found_in_their_language(sostre):
    sostre.description_en = "<p>Co-operative housing with a right of use.</p>"
    sostre.save()
    assert list(Initiative.objects.live().search("vivienda")) == [sostre]  # the search index
    assert list(Initiative.objects.live().search("housing")) == [sostre]
    assert "vivienda" in sostre.search_text and "right of use" in sostre.search_text  # the directory's q


# ---------------------------------------------------------------- public pages


def prose(body):
    return re.search(r'<div class="prose"([^>]*)>(.*?)</div>', body, re.S).groups()


def test_the_initiative_page_shows_the_visitors_language_or_marked_catalan(client, sostre):
    url = f"/directori/iniciativa/{sostre.slug}/"
    ca = client.get(f"/ca{url}").content.decode()
    es = client.get(f"/es{url}").content.decode()
    en = client.get(f"/en{url}").content.decode()
    assert prose(ca) == ("", CA)
    assert prose(es) == ("", ES)
    assert prose(en) == (' lang="ca"', CA)
    assert 'lang="ca"' not in ca.split("<main", 1)[1]  # Catalan pages mark nothing


def test_untranslated_labels_and_catalan_only_fields_carry_lang_ca(client, sostre):
    url = f"/directori/iniciativa/{sostre.slug}/"
    es = client.get(f"/es{url}").content.decode()
    en = client.get(f"/en{url}").content.decode()
    assert "<dd>Cooperativa de vivienda</dd>" in es
    assert '<dd><span lang="ca">Cooperativa d&#x27;habitatge</span></dd>' in en
    assert "<dd>Vivienda</dd>" in es and "<dd>Housing</dd>" in en
    assert '<dd><span lang="ca">Botiga de barri</span></dd>' in es  # the tag: no translation
    for body in (es, en):
        assert '<dd lang="ca">Cooperativa</dd>' in body  # legal form
        assert '<dd lang="ca">Dilluns a divendres</dd>' in body  # opening hours


def test_the_directorys_result_items_mark_catalan_labels(client, sostre):
    es = client.get("/es/directori/").content.decode()
    en = client.get("/en/directori/").content.decode()
    ca = client.get("/ca/directori/").content.decode()
    item = re.compile(r'<li class="result">.*?</li>', re.S)
    assert '<span lang="ca">' not in item.search(es).group(0)
    assert '<span><span lang="ca">Cooperativa d&#x27;habitatge</span></span>' in item.search(en).group(0)
    assert 'lang="ca"' not in item.search(ca).group(0)


def test_the_directorys_text_filter_finds_words_of_a_translation(client, sostre):
    body = client.get("/es/directori/", {"q": "cesión de uso"}).content.decode()
    assert "Sostre de Gràcia" in body


# ---------------------------------------------------------------- admin


@pytest.fixture
def staff(client, db):
    user = get_user_model().objects.create_superuser("editora", "editora@example.com", "x")
    client.force_login(user)
    return client


def draftail(text):
    """What the admin's rich text editor posts: Draftail's content state."""
    block = {"key": "a", "text": text, "type": "unstyled", "depth": 0}
    return json.dumps({"blocks": [{**block, "inlineStyleRanges": [], "entityRanges": []}], "entityMap": {}})


def post_initiative(client, **fields):
    inlines = {
        f"{name}-{key}": "0" for name in ("links", "evaluations") for key in ("TOTAL_FORMS", "INITIAL_FORMS")
    }
    return client.post("/admin/snippets/directori/initiative/add/", {**inlines, **fields})


def test_the_admin_form_has_a_translations_panel_and_saves_both(staff, boundaries):
    form = staff.get("/admin/snippets/directori/initiative/add/").content.decode()
    assert "Traduccions" in form  # the admin speaks Catalan
    assert 'name="description_es"' in form and 'name="description_en"' in form
    response = post_initiative(
        staff,
        name="Pedals",
        description=draftail("Taller de bicicletes."),
        description_es=draftail("Taller de bicicletas <script>alert(1)</script>"),
        description_en=draftail("Bicycle workshop."),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    pedals = Initiative.objects.get(name="Pedals")
    assert pedals.description_es == (
        '<p data-block-key="a">Taller de bicicletas &lt;script&gt;alert(1)&lt;/script&gt;</p>'
    )
    assert pedals.description_en == '<p data-block-key="a">Bicycle workshop.</p>'
    assert "bicycle workshop" in pedals.search_text


# ---------------------------------------------------------------- importer

MAPPING = """
[options]
source = "traduccions"

[columns]
external_id = "id"
name = "Nom"
description = "Descripció"
description_es = "Descripción"
description_en = "Description"
"""


def test_import_reads_spanish_and_english_descriptions_as_escaped_paragraphs(db, tmp_path):
    text = (
        "id,Nom,Descripció,Descripción,Description\n"
        'T1,Hort Comunitari,Verdura del barri.,"Verdura <b>ecológica</b>.\n\nCestas semanales.",'
        "<script>alert(1)</script> Organic vegetables.\n"
    )
    run(tmp_path, write(tmp_path, "t.csv", text), mapping=MAPPING)
    hort = Initiative.objects.get(external_id="T1")
    assert hort.description == "<p>Verdura del barri.</p>"
    assert hort.description_es == "<p>Verdura &lt;b&gt;ecológica&lt;/b&gt;.</p><p>Cestas semanales.</p>"
    assert hort.description_en == "<p>&lt;script&gt;alert(1)&lt;/script&gt; Organic vegetables.</p>"
    assert "cestas semanales" in hort.search_text and "organic vegetables" in hort.search_text
    assert list(Initiative.objects.live().search("vegetables")) == [hort]


@pytest.mark.parametrize("column", ["Descripció", "Descripción", "Description"])
def test_import_rejects_an_overlong_description_by_column(db, tmp_path, capsys, column):
    cells = {"Descripció": "", "Descripción": "", "Description": ""}
    cells[column] = "x" * 10_001
    text = "id,Nom,Descripció,Descripción,Description\n" + ",".join(["T1", "Hort", *cells.values()]) + "\n"
    with pytest.raises(CommandError, match="nothing was imported"):
        run(tmp_path, write(tmp_path, "t.csv", text), mapping=MAPPING)
    assert capsys.readouterr().out.splitlines()[0] == (
        f"line 2, column '{column}': longer than 10000 characters"
    )
    assert not Initiative.objects.exists()


def test_a_mapping_without_translations_leaves_them_alone(db, tmp_path):
    spanish = '[options]\nsource = "t"\n[columns]\nexternal_id = "id"\nname = "Nom"\ndescription_es = "ES"\n'
    run(tmp_path, write(tmp_path, "t.csv", "id,Nom,ES\nT1,Hort,Huerto.\n"), mapping=spanish)
    narrower = '[options]\nsource = "t"\n[columns]\nexternal_id = "id"\nname = "Nom"\n'
    run(tmp_path, write(tmp_path, "n.csv", "id,Nom\nT1,Hort Comunitari\n"), mapping=narrower)
    hort = Initiative.objects.get(external_id="T1")
    assert (hort.name, hort.description_es) == ("Hort Comunitari", "<p>Huerto.</p>")


# ---------------------------------------------------------------- exports and API


def test_exports_carry_the_translations_as_plain_text(client, sostre):
    sostre.description_en = "<p>Housing &amp; care.</p>"
    sostre.save()
    rows = list(csv.DictReader(io.StringIO(b"".join(client.get("/ca/directori/export.csv")).decode())))
    assert (rows[0]["description_es"], rows[0]["description_en"]) == (
        "Cooperativa de vivienda en cesión de uso.",
        "Housing & care.",
    )
    feature = json.loads(client.get("/ca/directori/export.geojson").getvalue())["features"][0]
    assert feature["properties"]["description_en"] == "Housing & care."
    node = json.loads(client.get("/ca/directori/export.jsonld").getvalue())["@graph"][0]
    assert node["description"] == [
        {"@value": "Cooperativa d'habitatge en cessió d'ús.", "@language": "ca"},
        {"@value": "Cooperativa de vivienda en cesión de uso.", "@language": "es"},
        {"@value": "Housing & care.", "@language": "en"},
    ]
    result = client.get("/api/v1/initiatives").json()["results"][0]
    assert (result["description_es"], result["description_en"]) == (
        "Cooperativa de vivienda en cesión de uso.",
        "Housing & care.",
    )


def test_an_untranslated_initiative_keeps_a_plain_jsonld_description(client, boundaries):
    Initiative.objects.create(name="Només català", description="<p>Hola.</p>", live=True)
    node = json.loads(client.get("/ca/directori/export.jsonld").getvalue())["@graph"][0]
    assert node["description"] == "Hola."
    assert client.get("/api/v1/initiatives").json()["results"][0]["description_es"] == ""

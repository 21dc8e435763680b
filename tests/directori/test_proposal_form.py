"""The proposal form as a person using a screen reader, a keyboard or autofill meets it: errors tied
to their fields by Django's own ids, a summary that links to them, a title that says "Error:",
required fields marked, sectors grouped under a legend; and Django's messages in our voice."""

import pytest
from bs4 import BeautifulSoup

from directori.models import EssFamily, Initiative, Sector

pytestmark = pytest.mark.django_db

BAD = {
    "name": "",
    "website": "no és un web",
    "email": "no",
    "phone": "9" * 41,
    "family": "cap",
    "sectors": ["cap"],
    "proposer_email": "tampoc",
    "homepage": "",
}


def post(client, language, data=BAD, **query):
    response = client.post(f"/{language}/directori/proposa/", {**data, **query})
    assert response.status_code == 400
    return BeautifulSoup(response.content, "html.parser")


def test_each_error_is_described_by_ids_that_exist_and_linked_from_the_summary(client):
    EssFamily.objects.create(slug="cooperativa", name="Cooperativa")
    Sector.objects.create(slug="cures", name="Cures")
    page = post(client, "ca")
    invalid = page.select("form [aria-invalid=true]")
    assert {tag["name"] for tag in invalid} == {
        "name",
        "website",
        "email",
        "phone",
        "family",
        "sectors",
        "proposer_email",
    }
    for tag in invalid:
        if tag.get("type") == "checkbox":  # described through their fieldset, below
            continue
        ids = tag["aria-describedby"].split()
        assert f"{tag['id']}_error" in ids
        for described in ids:
            assert page.find(id=described) is not None, described
    assert page.find(id="id_proposer_email")["aria-describedby"] == (
        "id_proposer_email_helptext id_proposer_email_error"
    )
    # The sectors' boxes: the fieldset is described by its error.
    fieldset = page.find(id="id_sectors_error").find_parent("fieldset")
    assert fieldset["aria-describedby"] == "id_sectors_error"
    assert fieldset.legend.get_text(strip=True) == "Sectors"
    assert fieldset.find("input", type="checkbox", id="id_sectors_0")

    summary = page.find(attrs={"data-error-summary": True})
    assert summary["tabindex"] == "-1"
    links = {a["href"]: a.get_text(" ", strip=True) for a in summary.find_all("a")}
    assert len(links) == 7
    for href in links:
        assert page.find(id=href.removeprefix("#")).name == "input" or href == "#id_family"
    assert links["#id_sectors_0"].startswith("Sectors: ")
    assert links["#id_name"] == "Nom de la iniciativa: Escriu el nom de la iniciativa."
    assert page.find("script", src="/static/js/error-summary.js")
    assert page.title.get_text().startswith("Error: Proposa una iniciativa")


@pytest.mark.parametrize("language", ["ca", "es", "en"])
def test_the_title_says_error_only_when_there_is_one(client, language):
    assert post(client, language).title.get_text().startswith("Error: ")
    page = BeautifulSoup(client.get(f"/{language}/directori/proposa/").content, "html.parser")
    assert not page.title.get_text().startswith("Error")
    assert page.find(attrs={"data-error-summary": True}) is None
    assert page.find("script", src="/static/js/error-summary.js") is None


def test_required_fields_are_marked_and_the_mark_explained_once(client):
    page = BeautifulSoup(client.get("/ca/directori/proposa/").content, "html.parser")
    required = {tag["name"] for tag in page.select("form [required]")}
    assert required == {"name", "proposer_email"}
    marked = {
        label["for"] for label in page.select("form label") if label.find(class_="required-mark") is not None
    }
    assert marked == {"id_name", "id_proposer_email"}
    assert page.get_text().count("Els camps marcats amb * són obligatoris.") == 1


def test_a_correction_requires_its_message(client):
    initiative = Initiative(name="La Formiga", description="<p>Botiga.</p>", live=True)
    initiative.save()
    page = post(client, "ca", {"proposer_email": "veina@example.org"}, correccio=initiative.slug)
    assert page.find(id="id_message").has_attr("required")
    assert page.find(id="id_message_error").get_text(strip=True) == "Explica'ns què cal corregir."


def test_autofill_knows_whose_field_is_which(client):
    page = BeautifulSoup(client.get("/ca/directori/proposa/").content, "html.parser")
    tokens = {tag["name"]: tag.get("autocomplete") for tag in page.select("form input, form textarea")}
    assert tokens["proposer_name"] == "name" and tokens["proposer_email"] == "email"
    assert tokens["name"] == "section-initiative organization"
    assert tokens["address"] == "section-initiative street-address"
    assert tokens["postcode"] == "section-initiative postal-code"
    assert tokens["website"] == "section-initiative url"
    assert tokens["email"] == "section-initiative work email"
    assert tokens["phone"] == "section-initiative work tel"
    labels = {label["for"]: label.get_text(" ", strip=True) for label in page.select("form label[for]")}
    assert labels["id_email"] == "Correu electrònic de la iniciativa"
    assert labels["id_proposer_email"] == "El teu correu electrònic *"


@pytest.mark.parametrize(
    ("language", "messages"),
    [
        (
            "ca",
            [
                "Escriu el nom de la iniciativa.",
                "Introdueix un URL vàlid.",
                "Introdueix una adreça de correu electrònic vàlida.",
                "Assegura't que aquest valor té com a màxim 40 caràcters (en té 41).",
                "Tria una opció vàlida. Aquesta opció no és una de les disponibles.",
                "Tria una opció vàlida. cap no és una de les opcions disponibles.",
            ],
        ),
        (
            "es",
            [
                "Escribe el nombre de la iniciativa.",
                "Introduce una URL válida.",
                "Introduce una dirección de correo electrónico válida.",
                "Asegúrate de que este valor tenga como máximo 40 caracteres (tiene 41).",
                "Elige una opción válida. Esa opción no está entre las disponibles.",
                "Elige una opción válida. cap no es una de las opciones disponibles.",
            ],
        ),
    ],
)
def test_django_speaks_to_the_public_with_tu_and_a_full_stop(client, language, messages):
    page = post(client, language)
    errors = [li.get_text(strip=True) for li in page.select("ul.errorlist li")]
    assert sorted(set(errors)) == sorted(messages)
    for error in errors:
        assert error.endswith(".")

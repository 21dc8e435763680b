"""The JSON API under /api/v1/: what a script using the open data gets, including its errors."""

import json

import pytest

from tests.directori.test_public import directory  # noqa: F401  (the same small directory)

pytestmark = pytest.mark.django_db


def test_initiatives_with_filters_and_pagination(client, directory):  # noqa: F811
    response = client.get(
        "/api/v1/initiatives", {"sector": ["habitatge", "cures"], "districte": "gracia", "page_size": 1}
    )
    assert response.status_code == 200
    data = response.json()
    assert (data["count"], data["page"], data["pages"]) == (2, 1, 2)
    first = data["results"][0]
    assert first["name"] == "Mediació Familiar Gràcia"
    assert first["district"] == "gracia" and first["neighbourhood"] == "la-vila-de-gracia"
    assert first["sectors"] == ["cures"] and first["url"].startswith("/ca/directori/iniciativa/")
    assert data["licence"].startswith("https://creativecommons.org/licenses/by/4.0")
    assert (
        client.get("/api/v1/initiatives", {"sector": "cures", "page_size": 1, "page": 2}).json()["results"][
            0
        ]["name"]
        == "Mediació Familiar Gràcia"
    )


def test_geojson_variant(client, directory):  # noqa: F811
    response = client.get("/api/v1/initiatives.geojson", {"districte": "sant-marti"})
    assert response["Content-Type"] == "application/geo+json"
    assert response.streaming  # from the export's file, never built in memory
    features = json.loads(response.getvalue())["features"]
    assert [f["properties"]["name"] for f in features] == ["Habitem el Poblenou"]


def test_one_initiative_and_no_drafts(client, directory):  # noqa: F811
    assert client.get(f"/api/v1/initiatives/{directory['sostre'].slug}").json()["name"] == "Sostre de Gràcia"
    assert client.get(f"/api/v1/initiatives/{directory['draft'].slug}").status_code == 404
    names = [r["name"] for r in client.get("/api/v1/initiatives", {"page_size": 100}).json()["results"]]
    assert "Esborrany secret" not in names


def test_vocabularies(client, directory):  # noqa: F811
    assert len(client.get("/api/v1/districts").json()) == 10
    neighbourhoods = client.get("/api/v1/neighbourhoods").json()
    assert (
        len(neighbourhoods) == 73
        and {"code", "slug", "name", "district", "population"} <= neighbourhoods[0].keys()
    )
    assert {f["slug"] for f in client.get("/api/v1/families").json()} == {
        "cooperativa-d-habitatge",
        "associacio",
    }
    assert {s["slug"] for s in client.get("/api/v1/sectors").json()} == {"habitatge", "cures"}
    assert len(client.get("/api/v1/layer-tags").json()) == 6


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        ({"districte": "atlantida"}, 400, "Unknown filter values: districte=atlantida"),
        ({"page": "zero"}, 422, "page"),
        ({"page_size": 1000}, 422, "page_size"),
        ({"page": 99}, 400, "page 99 does not exist"),
    ],
)
def test_bad_parameters_get_a_4xx_with_a_message(client, directory, params, status, message):  # noqa: F811
    response = client.get("/api/v1/initiatives", params)
    assert response.status_code == status
    assert message in response.content.decode()


def test_openapi_document_and_docs_are_served_locally(client, db):
    schema = client.get("/api/v1/openapi.json").json()
    assert "/api/v1/initiatives" in schema["paths"]
    parameters = {p["name"] for p in schema["paths"]["/api/v1/initiatives"]["get"]["parameters"]}
    assert {"q", "sector", "familia", "districte", "barri", "capa", "page", "page_size"} <= parameters
    docs = client.get("/api/v1/docs").content.decode()
    assert "swagger-ui-bundle.js" in docs and "cdn.jsdelivr" not in docs


def test_api_carries_html_as_data(client, boundaries):
    from directori.models import Initiative

    Initiative.objects.create(name="<script>alert(1)</script>", longitude=2.1574, latitude=41.4010, live=True)
    response = client.get("/api/v1/initiatives")
    assert response["Content-Type"].startswith("application/json")
    assert response.json()["results"][0]["name"] == "<script>alert(1)</script>"

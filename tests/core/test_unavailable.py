"""PostgreSQL down → 503 in the URL's language with Retry-After. The database really is unreachable:
a fresh process whose DATABASE_URL names a port nothing listens on."""

import json

from tests.core.test_cache import free_port
from tests.core.test_settings import manage_shell

SCRIPT = """
import json
from django.test import Client
client = Client(raise_request_exception=False)
answers = {}
for path in ("/ca/", "/es/directori/", "/en/mapa/", "/api/v1/initiatives", "/admin/", "/healthz", "/readyz",
             "/ca/mapa/capes/", "/ca/mapa/capes/punts.geojson", "/es/mapa/capes/punts/llista/",
             "/ca/mapa/capes/area/districte/gracia.geojson", "/ca/cerca/suggeriments/?q=hab",
             "/ca/mapa/oembed/?url=/ca/mapa/", "/ca/directori/export.geojson", "/ca/directori/export.jsonld"):
    response = client.get(path, HTTP_ACCEPT="text/html,application/json;q=0.9")
    answers[path] = [response.status_code, response.get("Retry-After"), response.content.decode()]
response = client.get("/ca/directori/", HTTP_ACCEPT="application/json")
answers["json:/ca/directori/"] = [response.status_code, response.get("Retry-After"), response.content.decode()]
print(json.dumps(answers))
"""


def test_every_kind_of_url_answers_503_in_its_language_when_the_database_is_down():
    result = manage_shell(
        SCRIPT,
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL=f"postgres://postgres@127.0.0.1:{free_port()}/ess",
    )
    assert result.returncode == 0, result.stderr
    answers = json.loads(result.stdout.strip().splitlines()[-1])
    for path in ("/ca/", "/es/directori/", "/en/mapa/", "/api/v1/initiatives", "/admin/"):
        status, retry_after, _ = answers[path]
        assert (status, retry_after) == (503, "30"), path
    assert "No disponible temporalment" in answers["/ca/"][2]
    assert "No disponible temporalmente" in answers["/es/directori/"][2]
    assert "Temporarily unavailable" in answers["/en/mapa/"][2]
    assert json.loads(answers["/api/v1/initiatives"][2]) == {
        "detail": "El servei no està disponible temporalment."
    }
    for path in (
        "/ca/mapa/capes/",
        "/ca/mapa/capes/punts.geojson",
        "/ca/mapa/capes/area/districte/gracia.geojson",
        "/ca/cerca/suggeriments/?q=hab",
        "/ca/mapa/oembed/?url=/ca/mapa/",
        "/ca/directori/export.geojson",
        "/ca/directori/export.jsonld",
        "json:/ca/directori/",
    ):
        status, retry_after, body = answers[path]
        assert (status, retry_after) == (503, "30"), path
        assert json.loads(body) == {"detail": "El servei no està disponible temporalment."}, path
    status, retry_after, body = answers["/es/mapa/capes/punts/llista/"]
    assert (status, retry_after) == (503, "30")
    assert json.loads(body) == {"detail": "El servicio no está disponible temporalmente."}
    assert answers["/healthz"][0] == 200, "liveness needs no database"
    assert answers["/readyz"][0] == 503

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
for path in ("/ca/", "/es/directori/", "/en/mapa/", "/api/v1/initiatives", "/admin/", "/healthz", "/readyz"):
    response = client.get(path, HTTP_ACCEPT="text/html,application/json;q=0.9")
    answers[path] = [response.status_code, response.get("Retry-After"), response.content.decode()]
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
    assert answers["/healthz"][0] == 200, "liveness needs no database"
    assert answers["/readyz"][0] == 503

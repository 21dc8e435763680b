"""/healthz (liveness) and /readyz (database and cache) for the proxy and the supervisor."""

import pytest

from tests.core.test_cache import free_port
from tests.core.test_settings import PRODUCTION, manage_shell

pytestmark = pytest.mark.django_db


def test_liveness_answers_without_checking_anything(client):
    response = client.get("/healthz", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert response.json() == {}
    assert "no-cache" in response["Cache-Control"]


def test_readiness_checks_the_database_and_the_cache(client):
    response = client.get("/readyz", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    assert sorted(response.json().values()) == ["OK", "OK"]
    assert any(name.startswith("Database") for name in response.json())


def test_readiness_is_503_when_the_cache_cannot_store(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.FailOpenRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
        }
    }
    response = client.get("/readyz", HTTP_ACCEPT="application/json")
    assert response.status_code == 503
    assert [v for k, v in response.json().items() if k.startswith("Cache")] != ["OK"]


def test_probes_over_plain_http_are_not_sent_to_https_in_production():
    script = (
        "from django.test import Client; c = Client(HTTP_HOST='ess.example.org'); "
        "print(c.get('/healthz').status_code, c.get('/ca/').status_code)"
    )
    result = manage_shell(script, **PRODUCTION)
    assert result.stdout.split() == ["200", "301"], result.stderr

"""Settings come from one environment schema; production is hardened. Each case starts a fresh
`manage.py` process, because settings are read once per process."""

import os
import re
import subprocess
import sys
from pathlib import Path

from django.conf import settings

import pytest

from config.settings.base import ENV_SCHEMA
from tests.conftest import require

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "a-production-secret-key-that-is-long-and-random-enough-1234567890",
    "ALLOWED_HOSTS": "ess.example.org,.ess.example.org",
    "WAGTAILADMIN_BASE_URL": "https://ess.example.org",
    "DATABASE_URL": "sqlite:///:memory:",
    "EMAIL_URL": "smtp+tls://ess%40example.org:secret@mail.example.org:587",
}


def manage(*args, **env_vars):
    """Run manage.py with only the given variables set on top of a clean environment."""
    ignored = {*ENV_SCHEMA, "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in ignored}
    env["ENV_FILE"] = ""  # a developer's .env must not change what these tests check
    env.update(env_vars)
    return subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120
    )


def manage_shell(script, **env_vars):
    return manage("shell", "--no-imports", "-c", script, **env_vars)


def test_production_passes_check_deploy_with_zero_warnings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


@pytest.mark.parametrize("missing", ["SECRET_KEY", "ALLOWED_HOSTS", "WAGTAILADMIN_BASE_URL", "EMAIL_URL"])
def test_production_refuses_to_start_without_security_values(missing):
    env = {k: v for k, v in PRODUCTION.items() if k != missing}
    result = manage("check", **env)
    assert result.returncode != 0
    assert f"Set the {missing} environment variable" in result.stderr


def test_production_trusts_https_origins_of_its_hosts():
    script = "from django.conf import settings; print(' '.join(settings.CSRF_TRUSTED_ORIGINS))"
    result = manage_shell(script, **PRODUCTION)
    assert result.stdout.split() == ["https://ess.example.org", "https://*.ess.example.org"], result.stderr


EMAIL_SETTINGS = (
    "from django.conf import settings as s; "
    "print(s.EMAIL_BACKEND.rsplit('.', 2)[-2], s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_USE_TLS, "
    "s.EMAIL_HOST_USER, s.EMAIL_HOST_PASSWORD, s.DEFAULT_FROM_EMAIL == s.SERVER_EMAIL)"
)


def test_production_sends_mail_through_the_smtp_server_of_email_url():
    result = manage_shell(EMAIL_SETTINGS, **PRODUCTION)
    assert result.stdout.split() == [
        "smtp",
        "mail.example.org",
        "587",
        "True",
        "ess@example.org",
        "secret",
        "True",
    ], result.stderr


def test_development_prints_mail_on_the_console_and_tests_keep_it_in_memory():
    """No mail server in development: Django's default (SMTP on localhost:25) refused every moderation
    notification with a ConnectionRefusedError traceback in the log."""
    result = manage_shell(EMAIL_SETTINGS, DJANGO_SETTINGS_MODULE="config.settings.dev")
    assert result.stdout.split()[0] == "console", result.stderr
    assert settings.EMAIL_BACKEND == "django.core.mail.backends.locmem.EmailBackend"


def test_a_developers_env_file_is_read(tmp_path):
    env_file = tmp_path / "dev.env"
    env_file.write_text("DEMO_PASSWORD=from-the-env-file\n")
    script = "from django.conf import settings; print(settings.DEMO_PASSWORD)"
    result = manage_shell(
        script,
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        ENV_FILE=str(env_file),
    )
    assert result.stdout.strip() == "from-the-env-file", result.stderr


def test_development_needs_no_environment_at_all():
    result = manage("check", "--fail-level", "WARNING", DJANGO_SETTINGS_MODULE="config.settings.dev")
    assert result.returncode == 0, result.stderr


def test_every_environment_variable_is_documented():
    example = (ROOT / ".env.example").read_text()
    readme = (ROOT / "README.md").read_text()
    for name in ENV_SCHEMA:
        assert re.search(rf"^#?\s*{name}=", example, re.MULTILINE), f"{name} missing from .env.example"
        assert f"`{name}`" in readme, f"{name} missing from the README's configuration table"


def test_database_url_selects_the_database(tmp_path):
    database = tmp_path / "other.sqlite3"
    result = manage_shell(
        "from django.db import connection; print(connection.vendor, connection.settings_dict['NAME'])",
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        DATABASE_URL=f"sqlite:///{database}",
    )
    assert result.stdout.split() == ["sqlite", str(database)], result.stderr


def test_redis_url_switches_the_cache_to_redis():
    import redis

    url = "redis://127.0.0.1:6379/15"
    try:
        reachable = redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.ConnectionError:
        reachable = False
    require(reachable, "Redis is not running on 127.0.0.1:6379")
    script = (
        "from django.core.cache import caches; cache = caches['default']; "
        "cache.set('ess-probe', 'd\\'acord', 30); print(type(cache).__name__, cache.get('ess-probe'))"
    )
    result = manage_shell(script, DJANGO_SETTINGS_MODULE="config.settings.dev", REDIS_URL=url)
    assert result.stdout.strip() == "FailOpenRedisCache d'acord", result.stderr
    assert redis.Redis.from_url(url).exists("ess:1:ess-probe"), "the value must be stored in Redis"


def test_elasticsearch_url_selects_the_elasticsearch_backend():
    """Configuration only: no Elasticsearch server can run on these machines (see the next test)."""
    script = (
        "from wagtail.search.backends import get_search_backend; b = get_search_backend(); "
        "print(type(b).__name__, b.index_prefix, b.hosts[0]['host'])"
    )
    result = manage_shell(
        script,
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        ELASTICSEARCH_URL="http://search.internal:9200",
        ELASTICSEARCH_INDEX_PREFIX="esstest_",
    )
    assert result.stdout.split() == ["CatalanElasticsearch9SearchBackend", "esstest_", "search.internal"], (
        result.stderr
    )


@pytest.mark.skipif(not os.environ.get("ELASTICSEARCH_URL"), reason="ELASTICSEARCH_URL is not set")
def test_configured_elasticsearch_server_answers():
    from wagtail.search.backends import get_search_backend

    assert settings.WAGTAILSEARCH_BACKENDS["default"]["URLS"] == [os.environ["ELASTICSEARCH_URL"]]
    assert get_search_backend().es.info()["version"]["number"].split(".")[0] == "9"

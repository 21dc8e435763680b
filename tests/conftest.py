"""Fixtures shared by every test: the seeded demo site, and the rule for services a test needs.

A test that needs a real service (Chromium, Redis) calls `require(...)`: on CI (CI=true) a missing
service fails the test, because CI must run it; on a newcomer's laptop it is skipped with a one-line
reason that says what to install.
"""

import contextlib
import functools
import os
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils import translation

import pytest

from directori.boundaries import read_sources, save_boundaries

# The real Open Data BCN boundaries and population the project ships in data/ (data/README.md): read
# once per session, stored per test. Nothing outside the repository is needed.
DATA = Path(__file__).resolve().parents[1] / "data"
BOUNDARIES_DIR = DATA / "boundaries"
OPEN_DATA_CSVS = [
    BOUNDARIES_DIR / "BarcelonaCiutat_Districtes.csv",
    BOUNDARIES_DIR / "BarcelonaCiutat_Barris.csv",
]
POPULATION_CSV = DATA / "population" / "2025_pad_mdbas.csv"


def on_ci():
    return os.environ.get("CI", "").lower() in ("1", "true", "yes")


def require(available, reason):
    if available:
        return
    if on_ci():
        pytest.fail(f"{reason} (CI=true: this test must run here)", pytrace=False)
    pytest.skip(reason)


def seed_demo(boundaries=False):
    """The one way a test gets the demo site (`manage.py seed_demo`); with `boundaries`, the real ones
    of data/ first, which the ~300 example initiatives, the poles and the offices' embeds need.

    Tests that need a few objects make them with factory functions (tests/*/factories.py, fixtures
    like `providers`) and never seed; tests that read the demo use one of the fixtures below."""
    if boundaries:
        save_boundaries(open_data_boundaries())
    with open(os.devnull, "w") as quiet:
        call_command("seed_demo", force=True, stdout=quiet)


@contextlib.contextmanager
def seeded_once(django_db_blocker, boundaries):
    """The demo seeded once for a module, inside a transaction rolled back when the module ends; each
    test runs in a savepoint inside it, as Django's TestCase.setUpTestData does (TestCase classes call
    `seed_demo` there, e.g. tests/sectors/conftest.py)."""
    with django_db_blocker.unblock(), transaction.atomic():
        seed_demo(boundaries=boundaries)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def seeded(request, db):
    """The demo site of `seed_demo`, without boundaries. Modules that use it in most tests mark
    themselves with `usefixtures("seeded_module")` and share one seed (seconds, with the sector
    tables' pages)."""
    if "seeded_module" not in request.fixturenames:
        seed_demo()


@pytest.fixture(scope="module")
def seeded_module(django_db_setup, django_db_blocker):
    """`seeded`, once for the module."""
    with seeded_once(django_db_blocker, boundaries=False):
        yield


@pytest.fixture(scope="module")
def seeded_city(django_db_setup, django_db_blocker):
    """The demo site with the real boundaries, its example initiatives, poles, housing links and every
    district office's embed, once for the module."""
    with seeded_once(django_db_blocker, boundaries=True):
        yield


@pytest.fixture(autouse=True)
def fresh_cache():
    """Each test starts with an empty cache: with REDIS_URL set (CI), the cache outlives a test's
    database rollback, and Wagtail keeps page paths in it."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def site_language():
    """Each test starts in the site's language: a request to /es/ or /en/ leaves its language active in
    the thread, and a later test reading a page or an e-mail would find it in another language."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.activate(settings.LANGUAGE_CODE)


def pytest_report_header(config):
    """Say which real services this run uses, so a CI log shows SQLite vs PostgreSQL at a glance."""
    from django.conf import settings

    database = settings.DATABASES["default"]
    cache = settings.CACHES["default"]["BACKEND"].rsplit(".", 1)[-1]
    engine = database["ENGINE"].rsplit(".", 1)[-1]
    return f"database: {engine} (a fresh test database for {database['NAME']}); cache: {cache}"


@functools.cache
def open_data_boundaries():
    """The real boundaries, read once per run (for fixtures and for TestCase.setUpTestData)."""
    return read_sources([str(p) for p in OPEN_DATA_CSVS])


@pytest.fixture(scope="session")
def boundary_data():
    return open_data_boundaries()


@pytest.fixture
def boundaries(db, boundary_data):
    save_boundaries(boundary_data)

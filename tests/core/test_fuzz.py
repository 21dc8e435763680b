"""Point 5 of issue 13: no input makes a public URL answer 5xx.

A seeded generator (reproducible: the seed is printed on failure) sends FUZZ_REQUESTS requests to every
public route the URL resolver knows, in every language, with the parameters the views read, mixing real
values from the demo data (so requests reach the deep code paths) with hostile ones: NUL and control
characters, huge and negative numbers, Unicode digits, long strings, SQL and HTML, bad bboxes, repeated
parameters and bad page numbers. It runs on whichever database the suite runs on (CI: SQLite and
PostgreSQL), where a NUL byte or an unparsed number used to answer 500.
"""

import os
import random
import re
import time
from urllib.parse import quote, urlencode

from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from wagtail.models import Page

import pytest

from directori.boundaries import save_boundaries
from directori.models import District, EssFamily, Initiative, LayerTag, Neighbourhood, Sector
from mapa.models import Layer, MapEmbed
from tests.conftest import open_data_boundaries, seed_demo

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("city")]

FUZZ_REQUESTS = int(os.environ.get("FUZZ_REQUESTS", "5000"))
SEED = int(os.environ.get("FUZZ_SEED", "13"))
PRIVATE = ("admin/", "documents/", "_util/")  # not public: the admin's own tests cover them

HOSTILE = [
    "\x00",
    "a\x00b",
    "\x01\x02",
    "\x1b[31m",
    "\x7f",
    "\x85",
    "line\nbreak\ttab\r",
    "",
    " ",
    "-1",
    "0",
    "9" * 40,
    "-9" * 20,
    "1e309",
    "NaN",
    "inf",
    "²",
    "١٢٣",
    "Ⅻ",
    "１２",
    "x" * 5000,
    "🙂" * 300,
    "' OR 1=1 --",
    '"; DROP TABLE directori_initiative; --',
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "%00",
    "%%",
    "../../../etc/passwd",
    "\u202eevil",
    "a,b,c,d",
    "2.0,41.3,2.2,41.5",
    "2.2,41.5,2.0,41.3",
    "999,999,-999,-999",
    "nan,nan,nan,nan",
    "1,2,3",
    "1e400,0,1e400,1",
    "41.39,2.17",
    "91,181",
    "//evil.example/ca/mapa/",
    "http://testserver/ca/mapa/incrusta/",
    "javascript:alert(1)",
]

# Every parameter a public view reads, with values that are right (so the request goes deep).
PARAMS = {
    "q": ["cooperativa", "consum", "habitatge", "a", "l'economia", "ñ"],
    "sector": [],
    "familia": [],
    "districte": ["tota-la-ciutat"],
    "barri": [],
    "capa": [],
    "servei": [],
    "tipus": ["initiative", "sector", "project", "news", "page"],
    "ordre": ["nom", "recents"],
    "pagina": ["1", "2", "3", "100"],
    "page": ["1", "2", "50"],
    "page_size": ["1", "20", "100", "101"],
    "bbox": ["2.05,41.32,2.23,41.47", "2.15,41.38,2.17,41.40"],
    "capes": [],
    "url": ["/ca/mapa/", "/ca/mapa/incrusta/", "http://testserver/ca/mapa/incrusta/?capes=x", "/es/mapa/"],
    "maxheight": ["300", "1000", "199"],
    "maxwidth": ["300", "1000", "100"],
    "format": ["json", "xml"],
    "correccio": [],
    "centre": ["41.39,2.17"],
    "zoom": ["1", "12", "19", "20"],
    "alcada": ["200", "400", "2000"],
    "controls": ["0", "1"],
    "llista": ["costat", "sota", "cap"],
}


@pytest.fixture(scope="module")
def city(django_db_setup, django_db_blocker):
    """The demo site with its example initiatives (they need the real boundaries) and a saved embed,
    seeded once for the module and rolled back at its end."""
    with django_db_blocker.unblock(), transaction.atomic():
        save_boundaries(open_data_boundaries())
        seed_demo()
        MapEmbed.objects.create(name="Gràcia, mercat social", slug="gracia-mercat", height=600)
        yield
        transaction.set_rollback(True)


def public_routes(patterns=None, prefix=""):
    """(route, view) for every public URL pattern, converters and regex groups left in."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from public_routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and not any(p in route for p in PRIVATE):
            yield route, pattern.lookup_str


def slugs(queryset):
    return list(queryset.values_list("slug", flat=True))


class Values:
    """Real values from the seeded data, by what the path segment or parameter names."""

    def __init__(self):
        self.initiatives = list(Initiative.objects.live().values_list("slug", flat=True)[:30])
        self.segments = {
            "iniciativa": self.initiatives,
            "initiatives": self.initiatives,
            "districte": slugs(District.objects),
            "barri": slugs(Neighbourhood.objects),
            "incrusta": slugs(MapEmbed.objects),
            "capes": slugs(Layer.objects),
            "area": ["districte", "barri"],
        }
        for name, model in (("sector", Sector), ("familia", EssFamily), ("districte", District)):
            PARAMS[name] = PARAMS[name] + slugs(model.objects)
        PARAMS["barri"] = slugs(Neighbourhood.objects)
        PARAMS["capa"] = slugs(LayerTag.objects)
        PARAMS["servei"] = slugs(LayerTag.objects.filter(group=LayerTag.Group.HOUSING))
        PARAMS["capes"] = self.segments["capes"] + [",".join(self.segments["capes"][:3])]
        PARAMS["correccio"] = self.initiatives[:5]
        self.pages = [page.url for page in Page.objects.live().specific() if page.url and page.depth > 1]
        empty = [name for name, real in {**self.segments, **PARAMS, "pages": self.pages}.items() if not real]
        assert not empty, f"the demo data has no values for {empty}"


def expand(route, values, rng):
    """A concrete path for a route: a real value (mostly) or a hostile one for each placeholder."""

    def value_for(name, before):
        word = [w for w in re.split(r"[/<>]", before) if w and ":" not in w]
        real = values.segments.get(word[-1] if word else "", []) or values.initiatives
        if name == "kind":
            real = values.segments["area"]
        return rng.choice(real) if rng.random() < 0.75 else rng.choice(HOSTILE)

    def converter(match):
        return quote(value_for(match.group(2), route[: match.start()]), safe="")

    if "wagtail.views.serve" in route or route.endswith("$"):
        if "P<fmt>" in route:
            head = route.split("^")[0]
            return "/" + head + "export." + rng.choice(["csv", "geojson", "jsonld", "xml", "csv\x00"])
        page = rng.choice(values.pages) if rng.random() < 0.8 else "/ca/" + quote(rng.choice(HOSTILE)) + "/"
        return page
    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", converter, route)


def query(rng):
    """1 to 4 parameters, some repeated, real or hostile values."""
    pairs = []
    for name in rng.sample(list(PARAMS), rng.randint(1, 4)):
        for _ in range(rng.choice([1, 1, 1, 2, 3])):
            real = PARAMS[name]
            value = rng.choice(real) if real and rng.random() < 0.5 else rng.choice(HOSTILE)
            pairs.append((name, value))
    return urlencode(pairs)


FORM_FIELDS = ["name", "description", "address", "postcode", "family", "sectors", "website", "email", "phone"]
FORM_FIELDS += ["message", "proposer_name", "proposer_email", "homepage", "correccio"]


def proposal(rng):
    """A proposal form POST: each field real-looking or hostile."""
    data = {"name": "Cooperativa de prova", "proposer_email": "algu@example.org"}
    for name in rng.sample(FORM_FIELDS, rng.randint(1, 6)):
        data[name] = rng.choice(HOSTILE)
    return data


def with_language(path, rng):
    language = rng.choice(["ca", "es", "en"])
    return re.sub(r"^/(ca|es|en)/", f"/{language}/", path)


def test_fuzz_never_answers_5xx():
    rng = random.Random(SEED)  # noqa: S311  (reproducible test input, not security)
    values = Values()
    routes = list(public_routes())
    assert len(routes) > 25, routes  # the resolver was walked, API and pages included
    client = Client(raise_request_exception=False)
    failures, statuses, timings = [], {}, {}
    for number in range(FUZZ_REQUESTS):
        route, _view = routes[number % len(routes)]
        path = with_language(expand(route, values, rng), rng)
        url = f"{path}?{query(rng)}"
        started = time.perf_counter()
        if path.endswith("/proposa/") and rng.random() < 0.5:
            response = client.post(path, proposal(rng))
        else:
            response = client.get(url)
        if os.environ.get("FUZZ_PROFILE"):
            timings[route] = timings.get(route, 0) + time.perf_counter() - started
        statuses[response.status_code] = statuses.get(response.status_code, 0) + 1
        if response.status_code >= 500:
            failures.append(f"{response.status_code} {url[:300]}")
    for route, seconds in sorted(timings.items(), key=lambda item: -item[1]):
        print(f"{seconds:7.2f} s  {route}")
    assert not failures, f"seed {SEED}, {len(failures)} of {FUZZ_REQUESTS} answered 5xx:\n" + "\n".join(
        failures[:30]
    )
    assert statuses.get(200, 0) > FUZZ_REQUESTS / 10, statuses  # many requests reached a real answer
    assert statuses.get(400, 0) > FUZZ_REQUESTS / 10, statuses  # and many were refused with a message

"""The Content-Security-Policy header (issue 13, point 7): on every response, no inline script without
the request's nonce, nothing framed but the map embeds; the admin's allowances stay under /admin/.
Whether Chromium finds a violation is tests/browser/test_csp.py's question."""

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import override_settings

import pytest

from mapa.models import Layer
from tests.mapa.factories import market_layer

pytestmark = pytest.mark.django_db


def policy(response):
    header = response["Content-Security-Policy"]
    return {name: values for name, *values in (part.split() for part in header.split(";") if part.strip())}


def inline_scripts(body):
    """The attributes of each <script> without src that a browser would run (not JSON data blocks)."""
    return [
        attributes
        for attributes in re.findall(r"<script([^>]*)>", body)
        if "src=" not in attributes and "application/json" not in attributes and "ld+json" not in attributes
    ]


@pytest.fixture
def layers(boundaries):
    market_layer({"La Botiga de Gràcia": (2.1574, 41.4010)})
    Layer.objects.create(slug="districtes", name="Districtes", kind="districts")


def test_public_pages_forbid_inline_scripts_without_the_nonce_and_framing(client, layers):
    for url in (
        "/ca/",
        "/ca/directori/",
        "/ca/cerca/?q=botiga",
        "/ca/mapa/",
        "/api/v1/docs",
        "/ca/no-hi-es/",
    ):
        response = client.get(url)
        directives = policy(response)
        assert "'unsafe-inline'" not in directives["script-src"], url
        assert directives["frame-ancestors"] == ["'none'"], url
        assert directives["object-src"] == ["'none'"], url
        nonces = [v for v in directives["script-src"] if v.startswith("'nonce-")]
        for attributes in inline_scripts(response.content.decode()):
            assert nonces and f'nonce="{nonces[0][7:-1]}"' in attributes, (url, attributes)


def test_the_map_script_carries_a_fresh_nonce_each_time(client, layers):
    first, second = client.get("/ca/mapa/"), client.get("/ca/mapa/")
    nonces = [[v for v in policy(r)["script-src"] if v.startswith("'nonce-")] for r in (first, second)]
    assert all(len(n) == 1 for n in nonces) and nonces[0] != nonces[1]
    assert len(inline_scripts(first.content.decode())) == 1  # folium's, with that nonce (above)


def test_tiles_come_from_the_tile_servers_origin():
    assert "https://tile.openstreetmap.org" in settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"]


@override_settings(EMBED_FRAME_ANCESTORS="https://ajuntament.barcelona.cat https://*.bcn.cat")
def test_embeds_may_be_framed_by_the_configured_sites_with_the_same_policy_otherwise(client, layers):
    page, embed = client.get("/ca/mapa/"), client.get("/ca/mapa/incrusta/?districte=gracia")
    assert policy(embed)["frame-ancestors"] == [
        "'self'",
        "https://ajuntament.barcelona.cat",
        "https://*.bcn.cat",
    ]
    assert "X-Frame-Options" not in embed
    assert {k: v for k, v in policy(embed).items() if k not in ("frame-ancestors", "script-src")} == {
        k: v for k, v in policy(page).items() if k not in ("frame-ancestors", "script-src")
    }
    assert page["X-Frame-Options"] == "DENY"


def test_only_the_admin_allows_inline_scripts(client, seeded):
    client.force_login(get_user_model().objects.get(username="membre-habitatge"))
    for url in ("/admin/login/", "/admin/"):
        directives = policy(client.get(url))
        assert directives["script-src"] == ["'self'", "'unsafe-inline'"], url
        assert directives["frame-ancestors"] == ["'self'"], url  # Wagtail's preview frames the admin
    assert "'unsafe-inline'" not in policy(client.get("/ca/"))["script-src"]
    assert "'unsafe-inline'" not in policy(client.get("/ca/administracio/"))["script-src"]

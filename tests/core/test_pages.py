"""What a visitor gets from the site shell: pages in three languages, navigation, switcher, errors."""

import html
import re

from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from django.test import override_settings

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_module")]


def text(response):
    """The page as a visitor reads it: entities such as &#x27; turned back into characters."""
    return html.unescape(response.content.decode())


def html_lang(response):
    return re.search(r'<html lang="([a-z-]+)"', response.content.decode()).group(1)


@pytest.mark.parametrize(
    ("prefix", "lang", "hero", "skip_link"),
    [
        ("/ca/", "ca", "L'economia social i solidària de Barcelona, a prop teu", "Salta al contingut"),
        ("/es/", "es", "La economía social y solidaria de Barcelona, cerca de ti", "Saltar al contenido"),
        ("/en/", "en", "Barcelona's social and solidarity economy, near you", "Skip to content"),
    ],
)
def test_home_page_in_each_language(client, seeded, prefix, lang, hero, skip_link):
    response = client.get(prefix)
    assert response.status_code == 200
    assert html_lang(response) == lang
    body = text(response)
    assert hero in body
    assert skip_link in body
    assert 'id="main"' in body
    assert "Open Data BCN" in body


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [(None, "/ca/"), ("fr-FR,fr", "/ca/"), ("es-ES,es;q=0.9", "/es/"), ("en-GB,en;q=0.8", "/en/")],
)
def test_root_redirects_to_catalan_unless_the_browser_asks_for_another_language(
    client, seeded, accept_language, target
):
    headers = {"Accept-Language": accept_language} if accept_language else {}
    response = client.get("/", headers=headers)
    assert response.status_code == 302
    assert response["Location"] == target


@pytest.mark.parametrize(
    ("language", "sections"),
    [
        (
            "ca",
            (
                ("/ca/directori/", "Directori"),
                ("/ca/mapa/", "Mapa"),
                ("/ca/sectors/", "Sectors"),
                ("/ca/collaboracions/", "Col·laboracions"),
                ("/ca/cerca/", "Cerca"),
            ),
        ),
        (
            "es",
            (
                ("/es/directori/", "Directorio"),
                ("/es/mapa/", "Mapa"),
                ("/es/sectores/", "Sectores"),
                ("/es/collaboracions/", "Colaboraciones"),
                ("/es/cerca/", "Buscar"),
            ),
        ),
        (
            "en",
            (
                ("/en/directori/", "Directory"),
                ("/en/mapa/", "Map"),
                ("/en/sectors/", "Sectors"),
                ("/en/collaboracions/", "Collaborations"),
                ("/en/cerca/", "Search"),
            ),
        ),
    ],
)
def test_main_navigation_reaches_every_section_in_each_language(client, seeded, language, sections):
    """The directory, the map and the search keep their Catalan paths in every language (the README's
    rule); the sector tables are Wagtail pages with a slug in each language."""
    body = client.get(f"/{language}/").content.decode()
    nav = re.search(r'<nav class="main-nav".*?</nav>', body, re.S).group(0)
    assert re.findall(r'<a href="([^"]+)"[^>]*>([^<]+)</a>', nav) == list(sections)
    for path, _label in sections:
        assert client.get(path).status_code == 200, path


def test_language_switcher_links_to_the_translation_of_the_page(client, seeded):
    body = client.get("/ca/sobre-el-projecte/").content.decode()
    assert 'href="/es/sobre-el-proyecto/" lang="es"' in body
    assert 'href="/en/about/" lang="en"' in body
    assert 'href="/ca/sobre-el-projecte/" lang="ca" hreflang="ca" aria-current="true"' in body


def test_language_switcher_on_a_non_page_view_keeps_the_path(client, seeded):
    body = client.get("/es/mapa/").content.decode()
    assert 'href="/ca/mapa/" lang="ca"' in body
    assert 'href="/en/mapa/" lang="en"' in body


def test_search_finds_pages_in_the_visitors_language(client, seeded):
    body = client.get("/ca/cerca/", {"q": "accessibilitat"}).content.decode()
    assert '<a href="/ca/accessibilitat/">Accessibilitat</a>' in body
    assert "/es/accesibilidad/" not in body.split('<main id="main"')[1]


def test_search_escapes_the_query(client, seeded):
    body = client.get("/ca/cerca/", {"q": "<script>alert(1)</script>"}).content.decode()
    assert "<script>alert(1)</script>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body


@pytest.mark.parametrize(
    ("prefix", "message"), [("/ca/", "No s'ha trobat la pàgina"), ("/en/", "Page not found")]
)
def test_404_page_is_the_sites_own_in_the_visitors_language(client, seeded, prefix, message):
    response = client.get(f"{prefix}no-existeix/")
    assert response.status_code == 404
    assert message in text(response)
    assert html_lang(response) == prefix.strip("/")


@override_settings(DEBUG=False)
def test_500_page_renders_without_a_request_or_database():
    html = render_to_string("500.html")
    assert "Hi ha hagut un error" in html
    assert 'lang="ca"' in html
    assert "/static/css/site.css" in html


def test_pages_do_not_load_remote_assets(client, seeded):
    body = client.get("/ca/").content.decode()
    sources = re.findall(r'<(?:script|link|img)[^>]+(?:src|href)="([^"]+)"', body)
    assert sources, "the page should load its stylesheet"
    assert all(src.startswith("/") and not src.startswith("//") for src in sources), sources


def test_admin_is_not_frameable_and_not_language_prefixed(client, seeded):
    response = client.get("/admin/login/")
    assert response.status_code == 200
    assert response["X-Frame-Options"] == "DENY"


def test_admin_loads_nothing_from_other_sites(client, seeded):
    moderator = get_user_model().objects.get(username="moderador")
    client.force_login(moderator)
    for path, template in (
        ("/admin/", "wagtailadmin/home.html"),
        ("/admin/pages/", "wagtailadmin/pages/index.html"),
    ):
        response = client.get(path)
        # the moderator's own admin page, not a redirect to the login form (which has no avatar)
        assert response.status_code == 200, path
        assert template in [t.name for t in response.templates], path
        assert response.wsgi_request.user == moderator
        body = response.content.decode()
        assert '"avatarUrl": "' in body, path
        # Asset addresses in tags, and the avatar the admin's sidebar builds from its JSON props.
        remote = re.findall(r'(?:src="|<link[^>]+href="|"avatarUrl": ")((?:https?:)?//[^"]+)', body)
        assert remote == [], (path, remote)


@pytest.mark.parametrize("query", ['"', 'a"b', "NEAR(", "a:b", "OR NOT", "*"])
def test_search_survives_query_syntax(client, seeded, query):
    """Characters that mean something to the full-text engine are never a server error (a NUL never
    reaches the search: core.input_guard answers 400, see tests/core/test_input.py)."""
    assert client.get("/ca/cerca/", {"q": query}).status_code == 200


@pytest.mark.parametrize(
    ("prefix", "label", "button", "map_link"),
    [("/ca/", "Què busques?", "Cerca", "Mira el mapa"), ("/es/", "¿Qué buscas?", "Buscar", "Mira el mapa")],
)
def test_home_page_opens_with_a_search_box_for_the_directory_and_the_map(
    client, seeded, prefix, label, button, map_link
):
    body = text(client.get(prefix))
    hero = body[body.index('<section class="hero"') : body.index("</section>")]
    form = re.search(r"<form [^>]*>.*?</form>", hero, re.S).group(0)
    assert f'action="{prefix}directori/"' in form and 'method="get"' in form and 'role="search"' in form
    assert f'<label for="finder-q">{label}</label>' in form
    assert re.search(r'<input id="finder-q" type="search" name="q"', form)
    assert f'data-suggest="{prefix}cerca/suggeriments/"' in form
    assert 'list="finder-suggestions"' in form and '<datalist id="finder-suggestions">' in form
    assert f">{button}</button>" in form
    assert f'href="{prefix}mapa/">{map_link}</a>' in hero
    assert hero.index("finder-q") < hero.index("mapa/"), "the search box comes first"
    # Its suggestions come from the shared script, never from an inline one.
    assert '<script src="/static/search/suggest.js" defer></script>' in body
    assert not re.search(r"<script(?![^>]*\bsrc=)(?![^>]*application/(?:ld\+)?json)[^>]*>", body)


def test_home_page_search_and_map_lead_somewhere(client, seeded):
    assert client.get("/ca/mapa/").status_code == 200
    directory = text(client.get("/ca/directori/", {"q": "cooperativa"}))
    assert 'value="cooperativa"' in directory


def test_home_page_need_shortcuts_open_the_directory_on_a_sector(client, seeded):
    from directori.models import Initiative, Sector

    hort = Initiative.objects.create(name="Hort del Xino", live=True)
    hort.sectors.set([Sector.objects.get(slug="agroecologia")])
    hort.save()
    body = text(client.get("/ca/"))
    shortcuts = re.findall(r'<li><a href="(/ca/directori/\?sector=([a-z-]+))">([^<]+)</a></li>', body)
    assert ("/ca/directori/?sector=agroecologia", "agroecologia", "Menjar") in shortcuts
    assert ("/ca/directori/?sector=finances-etiques", "finances-etiques", "Finances ètiques") in shortcuts
    assert len(shortcuts) == 6
    for url, slug, _label in shortcuts:
        listing = text(client.get(url))
        assert f'name="sector" value="{slug}" checked' in listing, f"{url} does not select its sector"
    assert "Hort del Xino" in text(client.get("/ca/directori/?sector=agroecologia"))
    assert "Finanzas éticas" in text(client.get("/es/"))

    # A sector staff renamed (or removed): its shortcut goes rather than lead to an error notice.
    Sector.objects.filter(slug="finances-etiques").update(slug="finances")
    assert "sector=finances-etiques" not in text(client.get("/ca/"))

"""Chromium finds no Content-Security-Policy violation on any page type (issue 13, point 7): public
pages, the map with its layers and a popup open, an embed, search with its suggestions, the directory
and its forms, the API's Swagger UI, and the admin as a table member (dashboard, page editor, image
chooser). A listener added before any script of the page records every `securitypolicyviolation`
event, in every frame, and the console's CSP errors are recorded too. One browser, one seed."""

from django.conf import settings

import pytest
from playwright.sync_api import expect

from core.models import StandardPage
from directori.models import District, Initiative, LayerTag, Neighbourhood
from sectors.models import CoordinationTablePage, SectorNewsPage, SectorPage, TractorProjectPage
from tests.factories import PostFactory, member

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(
  `${e.violatedDirective} blocked ${e.blockedURI || "inline"} at ${e.sourceFile}:${e.lineNumber}`));
"""


class Watch:
    """The violations seen in a tab since the last `take()`: from the listener in each frame and from
    the console (which also names what a frame's listener could miss)."""

    def __init__(self, page):
        self.page = page
        self.console = []
        page.add_init_script(LISTEN)
        page.on(
            "console",
            lambda m: self.console.append(m.text) if "Content Security Policy" in m.text else None,
        )

    def take(self):
        seen = list(self.console)
        for frame in self.page.frames:
            seen += frame.evaluate("window.__cspViolations || []")
            frame.evaluate("window.__cspViolations = []")
        self.console.clear()
        return seen


def visit(page, watch, found, url, then=None):
    page.goto(url)
    page.wait_for_load_state("networkidle")
    if then:
        then(page)
    found[url] = watch.take()


def open_a_popup(page):
    expect(
        page.locator(".leaflet-overlay-pane path.leaflet-interactive, .marker-cluster").first
    ).to_be_visible()
    page.locator("[data-map-list] [data-map-show]").first.click()
    expect(page.locator(".leaflet-popup-content")).to_be_visible()


def see_the_embed(page):
    expect(
        page.locator(".leaflet-overlay-pane path.leaflet-interactive, .marker-cluster").first
    ).to_be_visible()


def ask_for_suggestions(page):
    page.locator("#search-q").fill("habit")
    expect(page.locator("#search-suggestions option").first).to_be_attached()


def see_the_operations(page):
    expect(page.locator(".opblock-summary").first).to_be_visible()
    page.locator(".opblock-summary").first.click()
    expect(page.locator(".opblock-body").first).to_be_visible()


def choose_an_image(page):
    body = page.locator("[data-contentpath=body]")
    body.get_by_role("button", name="Inserir un bloc").first.click()
    page.get_by_role("option", name="Imatge").first.click()
    body.locator("button[data-chooser-action-choose]").first.click()
    expect(page.get_by_role("heading", name="Escull una imatge")).to_be_visible()
    page.wait_for_load_state("networkidle")


def test_no_page_type_breaks_the_content_security_policy(seeded, shops, page, settings_tiles_offline):
    watch = Watch(page)
    page.goto("/ca/")
    page.evaluate("document.body.append(Object.assign(document.createElement('script'), {text: '1'}))")
    assert watch.take(), "the listener must see an inline script without the nonce being refused"

    def ca(model):
        return model.objects.filter(locale__language_code="ca").first().url

    initiative = Initiative.objects.filter(live=True).first()
    district, neighbourhood = District.objects.first(), Neighbourhood.objects.first()
    table = SectorPage.objects.get(sector__slug="agroecologia", locale__language_code="ca")
    found = {}
    for url in (
        "/ca/",
        ca(StandardPage),
        "/ca/sectors/",
        "/ca/sectors/estrategia/",
        table.url,
        ca(TractorProjectPage),
        ca(SectorNewsPage),
        ca(CoordinationTablePage),
        "/ca/directori/?sector=habitatge",
        f"/ca/directori/iniciativa/{initiative.slug}/",  # with its JSON-LD
        f"/ca/directori/districte/{district.slug}/",  # frames its map embed
        f"/ca/directori/barri/{neighbourhood.slug}/",
        "/ca/directori/proposa/",
        "/ca/collaboracions/?sentit=oferta",
        PostFactory(initiative=initiative).get_absolute_url(),
        "/ca/mentoria/",
        f"/ca/compte/gestiona/{initiative.slug}/",
        "/ca/no-hi-es/",
    ):
        visit(page, watch, found, url)
    visit(page, watch, found, "/ca/mapa/?capes=mercat-social", open_a_popup)  # and the embed's preview
    visit(page, watch, found, "/ca/mapa/incrusta/?districte=gracia&capes=mercat-social", see_the_embed)
    visit(page, watch, found, "/ca/cerca/?q=habitatge", ask_for_suggestions)
    visit(page, watch, found, "/api/v1/docs", see_the_operations)

    member(initiative, username="persona-de-la-iniciativa", password=settings.DEMO_PASSWORD)
    visit(page, watch, found, "/ca/compte/entra/")
    page.locator("input[name=username]").fill("persona-de-la-iniciativa")
    page.locator("input[name=password]").fill(settings.DEMO_PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/espai/{initiative.slug}/")
    found["the initiative's space"] = watch.take()
    for section in ("fitxa/", "ofertes/nova/", "acords/nou/", "mentoria/"):
        visit(page, watch, found, f"/ca/espai/{initiative.slug}/{section}")
    page.context.clear_cookies()  # signed out, for the admin's sign-in below

    visit(page, watch, found, "/admin/login/")
    page.locator("input[name=username]").fill("membre-agroecologia")
    page.locator("input[name=password]").fill(settings.DEMO_PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/")
    expect(page.get_by_role("link", name=table.title).first).to_be_visible()  # the table's panel
    found["/admin/ (dashboard)"] = watch.take()
    visit(page, watch, found, f"/admin/pages/{table.pk}/edit/", choose_an_image)
    visit(page, watch, found, table.url)  # a public page with the editor's user bar

    assert {url: seen for url, seen in found.items() if seen} == {}
    assert page.remote_requests == []


@pytest.fixture
def settings_tiles_offline(settings):
    """Tiles from this server (they 404): no request leaves the machine, and the map still works."""
    settings.TILES_URL = "/static/no-tiles/{z}/{x}/{y}.png"


@pytest.fixture
def shops(seeded, boundaries):
    """The site seeded without boundaries (much quicker: no 300 example initiatives), then the
    boundaries and two shops of the social market layer, for the map, its popups and the directory."""
    market = LayerTag.objects.get(slug="mercat-social")
    for name, lon, lat in (
        ("La Botiga de Gràcia", 2.1574, 41.4010),
        ("Cistella Vila de Gràcia", 2.1590, 41.4030),
    ):
        initiative = Initiative(
            name=name, description=f"<p>{name} & co.</p>", longitude=lon, latitude=lat, live=True
        )
        initiative.save()
        initiative.tags.add(market)
        initiative.save()  # a cluster's relations are written on save

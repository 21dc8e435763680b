"""The map as visitors use it: a district office's page on another origin frames our embed (the
district's boundary, the markers and the list are there, and no request leaves this machine); on the
map page the list follows the layers switched on and off, a phone switches between map and list, a
keyboard reaches every marker from the list, and "near me" shows where the visitor is."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from directori.models import Sector
from mapa.models import Layer
from tests.browser.conftest import close
from tests.mapa.factories import market_layer

NASTY = "<img src=x onerror=alert(1)>Botiga"  # a name typed by someone: shown as text, never run

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def map_data(boundaries, settings):
    settings.TILES_URL = "/static/no-tiles/{z}/{x}/{y}.png"  # tiles fail (404): the map must still work
    Layer.objects.create(slug="districtes", name="Districtes", kind="districts")
    market_layer(
        {
            "La Botiga de Gràcia": (2.1574, 41.4010),
            "Cistella Vila de Gràcia": (2.1590, 41.4030),
            "Botiga del Poblenou": (2.2010, 41.4010),
            NASTY: (2.1565, 41.4022),
        }
    )


@pytest.fixture
def district_site(live_server, host):
    """The district office's own page on another origin, framing the map of its district."""
    embed = f"{live_server.url}/ca/mapa/incrusta/?districte=gracia&capes=mercat-social,districtes&llista=sota"
    host.paste(
        f'<h1>Economia social a Gràcia</h1><iframe src="{embed}" title="Mapa" width="900" height="900"></iframe>'
    )
    return host.url


def test_a_district_page_on_another_origin_embeds_the_map(map_data, district_site, live_server, chromium):
    context = chromium.new_context(locale="ca-ES", viewport={"width": 1000, "height": 1000})
    page = context.new_page()
    hosts, dialogs = [], []
    page.on("request", lambda request: hosts.append(urlsplit(request.url).hostname))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(district_site)
    assert urlsplit(district_site).port != urlsplit(live_server.url).port
    frame = page.frame_locator("iframe")

    boundary = frame.locator('path[stroke-dasharray="6 4"]')  # the district's outline
    expect(boundary).to_have_count(1)
    expect(
        frame.locator(".leaflet-overlay-pane path.leaflet-interactive, .marker-cluster").first
    ).to_be_visible()
    expect(frame.get_by_role("heading", name="3 iniciatives al mapa")).to_be_visible()  # the district's only
    expect(frame.get_by_role("link", name="La Botiga de Gràcia")).to_be_visible()
    expect(frame.get_by_role("link", name="Botiga del Poblenou")).to_have_count(0)
    expect(frame.locator('[data-list-group="mercat-social"] [data-group-count]')).to_have_text("(3)")
    expect(frame.locator("[data-map-status]")).to_contain_text("Mercat social: 3")
    expect(frame.get_by_role("link", name=NASTY)).to_be_visible()  # the list shows the name as text

    frame.locator("li", has_text="Cistella").get_by_role("button", name="Mostra al mapa").click()
    expect(frame.locator(".leaflet-popup-content")).to_contain_text("Cistella Vila de Gràcia")
    expect(frame.locator(".leaflet-popup-content a")).to_be_focused()  # keyboard users land in the popup
    page.keyboard.press("Escape")
    expect(frame.locator("li", has_text="Cistella").get_by_role("button")).to_be_focused()
    expect(frame.locator(".leaflet-popup-content")).to_have_count(0)
    frame.locator("li", has_text="onerror").get_by_role("button", name="Mostra al mapa").click()
    expect(frame.locator(".leaflet-popup-content strong", has_text="onerror")).to_have_text(
        NASTY
    )  # popup too
    expect(frame.locator(".leaflet-popup-content img")).to_have_count(0)
    assert dialogs == []

    assert set(hosts) <= {"127.0.0.1", "localhost"}, hosts
    close(context)


@pytest.fixture
def map_page_data(boundaries, settings):
    """The districts and the social market shown; the neighbourhoods and one sector's layer in the
    control. Tiles are a local image, so a missing tile is no console error."""
    settings.TILES_URL = "/static/img/favicon.svg?{z}/{x}/{y}"
    Layer.objects.create(slug="districtes", name="Districtes", kind="districts", shown_by_default=True)
    Layer.objects.create(slug="barris", name="Barris", kind="neighbourhoods")
    food = Layer.objects.create(slug="sector-cures", name="Cures", kind="initiatives")
    food.sectors.add(Sector.objects.create(slug="cures", name="Cures"))
    market_layer(
        {
            "La Botiga de Gràcia": (2.1574, 41.4010),
            "Cistella Vila de Gràcia": (2.1590, 41.4030),
            "Botiga del Poblenou": (2.2010, 41.4010),
        },
        shown_by_default=True,
    )


def errors_of(page):
    found = []
    page.on("console", lambda message: found.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: found.append(str(error)))
    return found


def test_switching_layers_changes_the_list_the_legend_and_the_live_count(map_page_data, page):
    errors = errors_of(page)
    page.goto("/ca/mapa/")
    status = page.locator("[data-map-status]")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_contain_text("Mercat social: 3")
    expect(page.locator(".marker-cluster").first).to_have_attribute(
        "aria-label", re.compile(r"^\d+ iniciatives?$")
    )
    expect(page.locator(".leaflet-control-scale-line")).to_have_count(1)  # metric only
    expect(page.get_by_title("Apropa")).to_be_visible()
    expect(page.locator(".leaflet-control-attribution a", has_text="Leaflet")).to_have_attribute(
        "title", "Una biblioteca JavaScript per a mapes interactius"
    )

    control = page.get_by_role("region", name="Mapa", exact=True)
    page.get_by_role("button", name="Capes").click()
    expect(control.get_by_role("checkbox").first).to_be_focused()  # focus moves into the control
    sectors = control.get_by_role("group", name="Sectors")
    themes = control.get_by_role("group", name="Temes del mapa")
    expect(sectors.get_by_role("checkbox")).to_have_count(1)
    expect(sectors.get_by_role("checkbox", name="Cures")).to_be_visible()
    expect(themes.get_by_role("checkbox")).to_have_count(3)

    control.get_by_role("checkbox", name="Mercat social").uncheck()
    expect(page.locator('[data-list-group="mercat-social"]')).to_be_hidden()
    expect(page.locator('[data-legend="mercat-social"]')).to_be_hidden()
    expect(status).not_to_contain_text("Mercat social")

    control.get_by_role("checkbox", name="Barris").check()  # not on the page yet: its group is fetched
    neighbourhoods = page.locator('[data-list-group="barris"]')
    expect(neighbourhoods.get_by_role("link", name="la Vila de Gràcia")).to_be_attached()
    expect(status).to_contain_text(re.compile(r"Barris: \d+"))
    expect(page.locator('[data-legend="barris"]')).to_be_visible()

    page.keyboard.press("Escape")
    expect(page.get_by_role("button", name="Capes")).to_be_focused()
    assert page.remote_requests == [] and errors == []


def test_a_phone_switches_between_the_map_and_the_list(map_page_data, chromium, live_server):
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 390, "height": 844}, locale="ca-ES"
    )
    page = context.new_page()
    errors = errors_of(page)
    page.goto("/ca/mapa/")
    map_button = page.get_by_role("button", name="Mapa", exact=True)
    list_button = page.get_by_role("button", name="Llista", exact=True)
    expect(map_button).to_have_attribute("aria-pressed", "true")
    assert page.locator(".map-frame").bounding_box()["y"] < 844 / 2  # the map starts above the fold
    expect(page.locator("details.map-filters")).not_to_have_attribute("open", "")  # filters folded away
    expect(page.get_by_role("link", name="La Botiga de Gràcia")).to_be_hidden()

    list_button.click()
    expect(list_button).to_have_attribute("aria-pressed", "true")
    expect(map_button).to_have_attribute("aria-pressed", "false")
    expect(page.locator(".map-frame")).to_be_hidden()
    expect(
        page.locator("[data-map-item]").first
    ).to_be_in_viewport()  # results without scrolling past the filters
    expect(page.locator("[data-list-group]").first).to_have_attribute("data-list-group", "mercat-social")
    page.locator("li", has_text="Cistella").get_by_role("button", name="Mostra al mapa").click()
    expect(page.locator(".map-frame")).to_be_visible()  # back on the map, with the popup
    expect(page.locator(".leaflet-popup-content")).to_contain_text("Cistella Vila de Gràcia")
    assert errors == []
    close(context)


def test_the_keyboard_reaches_a_marker_from_the_list_and_escape_comes_back(map_page_data, page):
    errors = errors_of(page)
    page.goto("/ca/mapa/")
    item = page.locator('[data-list-group="mercat-social"] li', has_text="Cistella")
    expect(item.get_by_role("button", name="Mostra al mapa")).to_be_visible()
    centre = page.evaluate(
        "() => { var m = window[JSON.parse(document.getElementById('map-config').textContent).map]; return [m.getCenter().lat, m.getCenter().lng, m.getZoom()]; }"
    )
    item.get_by_role("link", name="Cistella Vila de Gràcia").focus()
    page.keyboard.press("Tab")
    button = item.get_by_role("button", name="Mostra al mapa")
    expect(button).to_be_focused()
    page.keyboard.press("Enter")
    popup_link = page.locator(".leaflet-popup-content a")
    expect(popup_link).to_be_focused()
    expect(page.locator(".leaflet-popup-content")).to_contain_text("Cistella Vila de Gràcia")
    expect(page.locator(".leaflet-popup-close-button")).to_have_attribute("aria-label", "Tanca")
    page.keyboard.press("Escape")
    expect(button).to_be_focused()
    expect(page.locator(".leaflet-popup-content")).to_have_count(0)
    after = page.evaluate(
        "() => { var m = window[JSON.parse(document.getElementById('map-config').textContent).map]; return [m.getCenter().lat, m.getCenter().lng, m.getZoom()]; }"
    )
    assert after[2] == centre[2] and abs(after[0] - centre[0]) < 1e-6 and abs(after[1] - centre[1]) < 1e-6

    page.keyboard.press("Shift+Tab")  # the map itself shows where the keyboard is
    page.locator(".folium-map").focus()
    outline = page.evaluate("() => getComputedStyle(document.querySelector('.folium-map')).outlineStyle")
    assert outline == "solid"
    assert page.remote_requests == [] and errors == []


def test_near_me_reloads_around_the_visitor_with_a_named_marker(map_page_data, chromium, live_server):
    context = chromium.new_context(
        base_url=live_server.url,
        viewport={"width": 1280, "height": 900},
        locale="ca-ES",
        geolocation={"latitude": 41.40201, "longitude": 2.15703},
        permissions=["geolocation"],
    )
    page = context.new_page()
    errors = errors_of(page)
    page.goto("/ca/mapa/?districte=gracia")
    with page.expect_navigation():
        page.get_by_role("button", name="A prop meu").click()
    assert "a_prop=41.4020%2C2.1570" in page.url and "districte=gracia" in page.url
    here = page.locator(".map-here")
    expect(here).to_have_attribute("title", "Ets aquí")
    expect(page.locator(".leaflet-tooltip", has_text="Ets aquí")).to_be_visible()  # named, not a dot only
    selection = page.locator('[data-list-group="seleccio"]')
    expect(selection.locator(".map-distance").first).to_have_text(re.compile(r"^\d+ m$"))
    expect(page.get_by_label("Distància")).to_be_visible()
    page.get_by_label("Distància").select_option("500")
    with page.expect_navigation():
        page.get_by_role("button", name="Mostra", exact=True).click()
    assert urlsplit(page.url).query == "districte=gracia&a_prop=41.402%2C2.157&radi=500"  # no empty fields
    expect(selection.get_by_role("link", name="Botiga del Poblenou")).to_have_count(0)
    assert errors == []
    close(context)

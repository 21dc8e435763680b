"""A district's map in Chromium: locked to the district (the visitor cannot zoom out past the zoom at
which the district fits, nor pan or be sent away from it), fetching only the layers it shows, and on
the district's own page showing every one of the district's initiatives with the layer control
folded away."""

import re
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from directori.models import District, Initiative
from mapa.models import Layer
from tests.browser.conftest import close
from tests.conftest import seed_demo
from tests.mapa.factories import market_layer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

VIEW = """() => {
  var m = window[JSON.parse(document.getElementById('map-config').textContent).map];
  var c = m.getCenter();
  return {lat: c.lat, lon: c.lng, zoom: m.getZoom(), min: m.getMinZoom(), max: m.getMaxZoom()};
}"""
SEND_AWAY = """() => {
  var m = window[JSON.parse(document.getElementById('map-config').textContent).map];
  m.setView([41.0, 1.0], 9, {animate: false});
}"""


@pytest.fixture
def gracia(boundaries, settings):
    settings.TILES_URL = "/static/img/favicon.svg?{z}/{x}/{y}"  # no tiles leave this machine
    Layer.objects.create(slug="districtes", name="Districtes", kind="districts", shown_by_default=True)
    Layer.objects.create(slug="barris", name="Barris", kind="neighbourhoods")
    Layer.objects.create(slug="pols", name="Pols", kind="poles")
    market_layer({"La Botiga de Gràcia": (2.1574, 41.4010), "Botiga del Poblenou": (2.2010, 41.4010)})
    west, south, east, north = District.objects.get(slug="gracia").geometry.bounds
    return {"west": west, "south": south, "east": east, "north": north}


def open_embed(chromium, live_server, query, size=(800, 600)):
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": size[0], "height": size[1]}, locale="ca-ES"
    )
    page = context.new_page()
    page.goto(f"/ca/mapa/incrusta/?{query}")
    expect(page.locator('path[stroke-dasharray="6 4"]')).to_have_count(1)  # the district's outline
    return context, page


def inside(view, box, margin):
    """Whether the view's centre is within the box widened by `margin` of its size on each side."""
    dx, dy = (box["east"] - box["west"]) * margin, (box["north"] - box["south"]) * margin
    return (
        box["west"] - dx <= view["lon"] <= box["east"] + dx
        and box["south"] - dy <= view["lat"] <= box["north"] + dy
    )


def test_a_district_embed_cannot_be_zoomed_out_below_the_district_or_panned_away(
    gracia, chromium, live_server
):
    context, page = open_embed(chromium, live_server, "districte=gracia&capes=mercat-social")
    start = page.evaluate(VIEW)
    assert start["min"] == start["zoom"] and inside(start, gracia, 0)  # the district fills the frame

    zoom_out = page.get_by_title("Allunya")
    expect(zoom_out).to_have_class(re.compile(r"\bleaflet-disabled\b"))
    zoom_out.click(force=True)
    page.locator(".folium-map").hover()
    page.mouse.wheel(0, 2000)  # the wheel, zooming out
    page.wait_for_timeout(600)
    assert page.evaluate(VIEW)["zoom"] == start["zoom"]

    page.evaluate(SEND_AWAY)  # a script (or a link with a far centre) cannot leave the district either
    away = page.evaluate(VIEW)
    assert away["zoom"] >= start["zoom"] and inside(away, gracia, 0.2), away

    box = page.locator(".folium-map").bounding_box()
    page.get_by_title("Apropa").click()
    page.wait_for_timeout(400)
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.mouse.down()
    for step in range(1, 21):  # dragged far to the south-west, well past the district
        page.mouse.move(box["x"] + box["width"] / 2 + step * 60, box["y"] + box["height"] / 2 - step * 60)
    page.mouse.up()
    page.wait_for_timeout(600)
    dragged = page.evaluate(VIEW)
    assert inside(dragged, gracia, 0.2), dragged
    close(context)


def test_without_the_lock_the_visitor_may_leave_and_zoom_limits_still_apply(gracia, chromium, live_server):
    context, page = open_embed(chromium, live_server, "districte=gracia&limita=0&zoom_max=15")
    page.evaluate(SEND_AWAY)
    away = page.evaluate(VIEW)
    assert (round(away["lat"], 3), round(away["lon"], 3), away["zoom"]) == (41.0, 1.0, 9)
    assert away["max"] == 15
    zoom_in = page.get_by_title("Apropa")
    for _ in range(8):
        zoom_in.click(force=True)
        page.wait_for_timeout(350)  # one step per click: Leaflet skips clicks while it animates
    assert page.evaluate(VIEW)["zoom"] == 15
    expect(zoom_in).to_have_class(re.compile(r"\bleaflet-disabled\b"))
    close(context)


def settled(page, zoom):
    """The view once Leaflet has moved it to `zoom` (it animates a change of range)."""
    page.wait_for_function(
        "zoom => window[JSON.parse(document.getElementById('map-config').textContent).map].getZoom() === zoom",
        arg=zoom,
    )
    return page.evaluate(VIEW)


def test_zoom_limits_never_contradict_the_area(gracia, chromium, live_server):
    """Locked to the district, zoom_max below the zoom at which the district fits lowers the minimum
    with it (the visitor is not left past the maximum with zooming out disabled); zoom_min below it
    does not let the district leave the view. Unlocked, both apply as given."""
    context, page = open_embed(chromium, live_server, "districte=gracia")
    fit = page.evaluate(VIEW)["zoom"]  # the district fills the 800 × 600 frame at this zoom
    assert fit > 11
    close(context)

    context, page = open_embed(chromium, live_server, "districte=gracia&zoom_max=11")
    view = settled(page, 11)
    assert view["max"] == 11 and view["min"] <= 11, view
    close(context)

    context, page = open_embed(chromium, live_server, "districte=gracia&zoom_min=3")
    view = page.evaluate(VIEW)
    assert view["min"] == fit and view["zoom"] == fit, view
    page.evaluate(SEND_AWAY)  # asks for zoom 9
    assert page.evaluate(VIEW)["zoom"] == fit
    expect(page.get_by_title("Allunya")).to_have_class(re.compile(r"\bleaflet-disabled\b"))
    close(context)

    context, page = open_embed(chromium, live_server, "districte=gracia&zoom_min=3&limita=0")
    view = page.evaluate(VIEW)
    assert view["min"] == 3 and view["zoom"] == fit, view
    page.evaluate(SEND_AWAY)
    assert page.evaluate(VIEW)["zoom"] == 9
    close(context)


def test_an_embed_fetches_only_the_layers_it_shows_and_the_others_when_switched_on(
    gracia, chromium, live_server
):
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 1000, "height": 700}, locale="ca-ES"
    )
    page = context.new_page()
    fetched = []
    page.on("request", lambda r: fetched.append(urlsplit(r.url)) if "/mapa/capes/" in r.url else None)
    page.goto("/ca/mapa/incrusta/?districte=gracia&capes=mercat-social")
    expect(page.locator('path[stroke-dasharray="6 4"]')).to_have_count(1)
    expect(page.locator("[data-map-status]")).to_contain_text("Mercat social: 1")
    page.wait_for_load_state("networkidle")
    assert sorted((u.path, u.query) for u in fetched) == [
        ("/ca/mapa/capes/area/districte/gracia.geojson", ""),
        ("/ca/mapa/capes/mercat-social.geojson", "districte=gracia"),
    ]

    page.get_by_role("button", name="Capes").click()
    page.get_by_role("checkbox", name="Barris").check()
    expect(
        page.locator('[data-list-group="barris"]').get_by_role("link", name="la Vila de Gràcia")
    ).to_be_attached()
    expect(page.locator('[data-list-group="barris"]').get_by_role("link", name="Sants")).to_have_count(0)
    page.wait_for_load_state("networkidle")
    later = sorted((u.path, u.query) for u in fetched[2:])
    assert ("/ca/mapa/capes/barris.geojson", "districte=gracia") in later
    assert not any("pols" in path or "districtes" in path for path, _ in later)
    close(context)


@pytest.fixture
def demo_district(boundaries, settings):
    """The demo site with real boundaries: Gràcia's initiatives are spread over several layers."""
    settings.TILES_URL = "/static/img/favicon.svg?{z}/{x}/{y}"
    seed_demo()
    return District.objects.get(slug="gracia")


COUNT_INITIATIVES = """() => {
  var m = window[JSON.parse(document.getElementById('map-config').textContent).map];
  var found = {};
  m.eachLayer(function (layer) {
    if (layer instanceof L.MarkerClusterGroup) {
      layer.getLayers().forEach(function (marker) {
        if (marker.feature && marker.feature.properties.url) found[marker.feature.properties.url] = true;
      });
    }
  });
  return Object.keys(found);
}"""


def test_the_district_page_map_shows_every_initiative_of_the_district_with_the_layers_folded(
    demo_district, chromium, live_server
):
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 1280, "height": 900}, locale="ca-ES"
    )
    page = context.new_page()
    page.goto(f"/ca/directori/districte/{demo_district.slug}/")
    district_map = f'#mapa iframe[title="{demo_district.name}"]'  # the builder's preview is another
    page.locator(district_map).scroll_into_view_if_needed()
    frame = page.frame_locator(district_map)
    expect(frame.locator(".marker-cluster, path.leaflet-interactive").first).to_be_visible()
    frame.locator("[data-map-status]").wait_for(state="attached")
    expect(frame.locator("[data-map-status]")).to_contain_text("La teva selecció")
    embed = next(f for f in page.frames if "/mapa/incrusta/" in f.url)
    embed.wait_for_load_state("networkidle")

    live = Initiative.objects.live().filter(district=demo_district).exclude(latitude=None)
    drawn = embed.evaluate(COUNT_INITIATIVES)
    assert len(drawn) == live.count() > 7
    assert {url.rstrip("/").rsplit("/", 1)[-1] for url in drawn} == set(live.values_list("slug", flat=True))

    toggle = frame.get_by_role("button", name="Capes")  # folded on first load, small in its corner
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(frame.locator(".map-layers__panel")).to_be_hidden()
    control, whole = frame.locator(".map-layers").bounding_box(), frame.locator(".map-frame").bounding_box()
    assert control["width"] * control["height"] < 0.03 * whole["width"] * whole["height"]
    close(context)

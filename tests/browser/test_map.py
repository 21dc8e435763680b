"""A district office's page on another origin frames our embed: inside the frame the district's
boundary, the markers and the list are there, and no request leaves this machine."""

import http.server
import threading
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from mapa.models import Layer
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
def district_site(live_server):
    """The district office's own page, served by another server on another port (another origin)."""
    embed = f"{live_server.url}/ca/mapa/incrusta/?districte=gracia&capes=mercat-social,districtes&llista=sota"
    page = (
        '<!DOCTYPE html><html lang="ca"><head><meta charset="utf-8"><title>Districte de Gràcia</title></head>'
        f'<body><h1>Economia social a Gràcia</h1><iframe src="{embed}" title="Mapa" width="900" height="900"></iframe></body></html>'
    ).encode()

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(page)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


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
    expect(frame.locator("[data-map-status]")).to_have_text("3 en aquesta vista del mapa")
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
    context.close()

"""Issue 15, point 8 (for points 5 and 6), in Chromium: a district office's page on another origin
frames the office's saved embed and that origin's count rises by one per load (a crawler's load does
not count); the office, logged in to the admin, sees its own embed and its usage only, and is refused
another office's embed."""

from pathlib import Path

from django.contrib.auth import get_user_model
from django.utils import timezone

import pytest
from playwright.sync_api import expect

from directori.models import District
from mapa.models import EmbedUsage, Layer, MapEmbed
from mapa.permissions import sync_office_group
from tests.browser.conftest import close, log_in
from tests.mapa.factories import market_layer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# A visitor's desktop Chrome: Playwright's own user agent says "HeadlessChrome", which the bot list
# rightly does not count.
VISITOR = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0.0.0 Safari/537.36"
)
PASSWORD = "una-contrasenya-de-prova"


@pytest.fixture
def offices(boundaries, settings):
    settings.TILES_URL = "/static/no-tiles/{z}/{x}/{y}.png"  # no tiles: nothing leaves the machine
    Layer.objects.create(slug="districtes", name="Districtes", kind="districts")
    market, _ = market_layer(
        {"La Botiga de Gràcia": (2.1574, 41.4010), "Botiga del Poblenou": (2.2010, 41.4010)}
    )
    for slug in ("gracia", "sant-marti"):
        district = District.objects.get(slug=slug)
        office = sync_office_group(district)
        embed = MapEmbed.objects.create(
            name=f"Districte de {district.name}", slug=f"districte-{slug}", district=district, owner=office
        )
        embed.layers.set([market])
        user = get_user_model().objects.create_user(f"districte-{slug}", password=PASSWORD)
        user.groups.add(office)


@pytest.fixture
def office_site(live_server, host):
    """The Gràcia office's own page on another origin, framing its saved embed; its origin."""
    host.paste(
        f'<h1>Economia social a Gràcia</h1><iframe src="{live_server.url}/ca/mapa/incrusta/districte-gracia/"'
        ' title="Mapa" width="900" height="700"></iframe>'
    )
    return host.url.rstrip("/")


def count(origin):
    return sum(
        EmbedUsage.objects.filter(embed="districte-gracia", origin=origin).values_list("count", flat=True)
    )


def load_framed(chromium, url, user_agent):
    context = chromium.new_context(locale="ca-ES", user_agent=user_agent)
    page = context.new_page()
    page.goto(url + "/")
    frame = page.frame_locator("iframe")
    expect(frame.get_by_role("link", name="La Botiga de Gràcia")).to_be_visible()  # the map's list loaded
    expect(frame.locator(".leaflet-container")).to_be_visible()
    close(context)


def test_each_load_from_another_origin_adds_one_to_that_origin_only(
    offices, office_site, live_server, chromium
):
    assert office_site.split(":")[-1] != live_server.url.split(":")[-1]
    assert count(office_site) == 0
    load_framed(chromium, office_site, VISITOR)
    assert count(office_site) == 1
    load_framed(chromium, office_site, VISITOR)
    assert count(office_site) == 2
    load_framed(
        chromium, office_site, "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)"
    )
    assert count(office_site) == 2  # a crawler's load is not counted
    assert set(EmbedUsage.objects.values_list("origin", flat=True)) == {office_site}


def test_an_office_keeps_its_own_embed_and_sees_its_usage_only(offices, office_site, page, chromium):
    load_framed(chromium, office_site, VISITOR)
    EmbedUsage.objects.create(
        embed="districte-sant-marti", origin="https://santmarti.example", day=timezone.localdate()
    )
    log_in(page, "districte-gracia", PASSWORD)
    page.goto("/admin/snippets/mapa/mapembed/")
    expect(page.get_by_role("link", name="Districte de Gràcia")).to_be_visible()
    expect(page.get_by_text("Districte de Sant Martí")).to_have_count(0)

    page.goto("/admin/snippets/mapa/mapembed/add/")
    options = page.locator("select[name=district] option")
    expect(options).to_have_count(1)
    expect(options).to_have_text("Gràcia")
    expect(page.locator("select[name=owner]")).to_have_count(0)

    other = MapEmbed.objects.get(slug="districte-sant-marti")
    response = page.goto(f"/admin/snippets/mapa/mapembed/edit/{other.pk}/")
    assert response.status == 404

    page.goto("/admin/mapa/us/")
    chart = page.get_by_role("img", name="Visualitzacions de «Districte de Gràcia» per dia")
    expect(chart).to_be_visible()
    expect(page.get_by_role("cell", name=office_site, exact=True)).to_be_visible()
    expect(page.get_by_text("santmarti.example")).to_have_count(0)
    with page.expect_download() as download:
        page.get_by_role("link", name="Descarrega en CSV").click()
    lines = Path(download.value.path()).read_text(encoding="utf-8").splitlines()
    assert lines[0] == "embed,origin,day,loads" and len(lines) == 2 and office_site in lines[1]

"""The embed builder as a district office uses it (issue 15, points 1, 4 and 8): each option changes
the code at once, without a reload and with focus left in the field, and the copied code, pasted
into a page on another origin, frames the map as promised; the copy button; the builder on a
district page and beside a saved embed's admin form; the embed in a phone's 390 × 520 frame."""

import re
from urllib.parse import parse_qs, urlsplit

from django.test import Client

import pytest
from playwright.sync_api import expect

from directori.models import District, EssFamily, Sector
from mapa.models import Layer, MapEmbed
from tests.browser.conftest import close
from tests.mapa.factories import market_layer

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def builder_data(boundaries, settings):
    """Three shops in Gràcia (one of the care sector, one a co-operative) and one in el Poblenou, on
    the social market layer; the districts' layer, off by default. Tiles are a local image."""
    settings.TILES_URL = "/static/img/favicon.svg?{z}/{x}/{y}"
    Layer.objects.create(slug="districtes", name="Districtes", kind="districts")
    care = Sector.objects.create(slug="cures", name="Cures")
    coop = EssFamily.objects.create(slug="cooperativa", name="Cooperativa")
    _, shops = market_layer(
        {
            "La Botiga de Gràcia": (2.1574, 41.4010),
            "Cistella Vila de Gràcia": (2.1590, 41.4030),
            "BiciTaller de Gràcia": (2.1565, 41.4022),
            "Botiga del Poblenou": (2.2010, 41.4010),
        },
        shown_by_default=True,
    )
    shops["La Botiga de Gràcia"].sectors.add(care)
    shops["La Botiga de Gràcia"].save()
    shops["Cistella Vila de Gràcia"].family = coop
    shops["Cistella Vila de Gràcia"].save()


# A live region as assistive technology meets it: in the page, with its size on screen and its text.
LIVE = """e => ({hidden: e.hidden, display: getComputedStyle(e).display,
  onScreen: e.getBoundingClientRect().width > 1 && e.getBoundingClientRect().height > 1,
  text: e.textContent.trim()})"""


def errors_of(page):
    found = []
    page.on("console", lambda message: found.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: found.append(str(error)))
    return found


def test_each_option_of_the_builder_changes_the_framed_map(builder_data, page, host):
    errors = errors_of(page)
    page.goto("/ca/mapa/")
    page.evaluate("window.notReloaded = true")
    builder = page.locator("[data-embed-builder]")
    code = builder.get_by_label("Codi per copiar")
    preview = builder.locator("[data-embed-preview] iframe")
    office = page.context.new_page()
    office_errors = errors_of(office)

    def change(field, action, written):
        """Do `action` on `field`: the code says `written` without a reload, and focus stays put."""
        field.focus()  # as a visitor's click or Tab would leave it
        action()
        expect(code).to_have_value(written)
        expect(field).to_be_focused()

    def framed():
        """The code as it is now, pasted into the office's page: its iframe and the framed map."""
        host.paste(code.input_value())
        office.goto(host.url)
        expect(office.frame_locator("iframe").locator("[data-map-layout]")).to_be_attached()
        return office.locator("iframe"), office.frame_locator("iframe")

    def framed_query():
        frame = next(f for f in office.frames if "/mapa/incrusta/" in f.url)
        return parse_qs(urlsplit(frame.url).query)

    # area: the district, then a neighbourhood (which picks its district)
    district = builder.get_by_label("Districte", exact=True)
    change(district, lambda: district.select_option("gracia"), re.compile(r"\?districte=gracia&amp;capes="))
    expect(preview).to_have_attribute("src", re.compile(r"^/ca/mapa/incrusta/\?districte=gracia"))
    iframe, frame = framed()
    expect(iframe).to_have_attribute("title", "Mapa de l'ESS a Gràcia")
    expect(frame.locator('path[stroke-dasharray="6 4"]')).to_have_count(1)  # the district's outline
    expect(frame.get_by_role("link", name="La Botiga de Gràcia")).to_be_visible()
    expect(frame.get_by_role("link", name="Botiga del Poblenou")).to_have_count(0)
    neighbourhood = builder.get_by_label("Barri", exact=True)
    change(
        neighbourhood,
        lambda: neighbourhood.select_option("la-vila-de-gracia"),
        re.compile("barri=la-vila-de-gracia"),
    )
    expect(district).to_have_value("gracia")
    iframe, frame = framed()
    expect(iframe).to_have_attribute("title", "Mapa de l'ESS a la Vila de Gràcia")
    expect(frame.locator('path[stroke-dasharray="6 4"]')).to_have_count(1)
    change(neighbourhood, lambda: neighbourhood.select_option(""), re.compile(r"^(?!.*barri=)"))

    # layers: the framed legend follows the boxes
    districts = builder.get_by_role("checkbox", name="Districtes")
    change(districts, districts.check, re.compile(r"capes=districtes,mercat-social"))
    market = builder.get_by_role("checkbox", name="Mercat social")
    change(market, market.uncheck, re.compile(r"capes=districtes(&amp;|\")"))
    _, frame = framed()
    expect(frame.locator('[data-legend="districtes"]')).to_be_visible()
    expect(frame.locator('[data-legend="mercat-social"]')).to_be_hidden()
    change(market, market.check, re.compile(r"capes=districtes,mercat-social(&amp;|\")"))

    # the selection: need words, sector, kind of organisation
    sector = builder.get_by_label("Sector", exact=True)
    change(sector, lambda: sector.select_option("cures"), re.compile("sector=cures"))
    _, frame = framed()
    expect(frame.get_by_role("link", name="La Botiga de Gràcia")).to_be_visible()
    expect(frame.get_by_role("link", name="Cistella Vila de Gràcia")).to_have_count(0)
    change(sector, lambda: sector.select_option(""), re.compile(r"^(?!.*sector=)"))
    family = builder.get_by_label("Tipus d'entitat")
    change(family, lambda: family.select_option("cooperativa"), re.compile("familia=cooperativa"))
    _, frame = framed()
    expect(frame.get_by_role("link", name="Cistella Vila de Gràcia")).to_be_visible()
    expect(frame.get_by_role("link", name="La Botiga de Gràcia")).to_have_count(0)
    change(family, lambda: family.select_option(""), re.compile(r"^(?!.*familia=)"))
    need = builder.get_by_label("Què es necessita")
    need.click()
    asked = []
    page.on(
        "request", lambda request: asked.append(request.url) if "/incrusta/codi/" in request.url else None
    )
    need.press_sequentially("bicitaller", delay=30)  # typing: the builder asks once the typing pauses
    expect(code).to_have_value(re.compile(r"\?q=bicitaller&amp;"))
    expect(need).to_be_focused()
    assert 1 <= len(asked) < len("bicitaller") / 2, asked
    _, frame = framed()
    expect(frame.get_by_role("link", name="BiciTaller de Gràcia")).to_be_visible()
    expect(frame.get_by_role("link", name="La Botiga de Gràcia")).to_have_count(0)
    change(need, lambda: need.fill(""), re.compile(r"^(?!.*q=)"))

    # list mode
    list_mode = builder.get_by_label("Llista d'iniciatives")
    change(list_mode, lambda: list_mode.select_option("sota"), re.compile("llista=sota"))
    _, frame = framed()
    expect(frame.locator("[data-map-layout]")).to_have_class(re.compile("map-layout--sota"))
    change(list_mode, lambda: list_mode.select_option("cap"), re.compile("llista=cap"))
    _, frame = framed()
    expect(frame.locator(".leaflet-container")).to_be_visible()
    expect(frame.locator("[data-map-list]")).to_have_count(0)

    # height: the iframe's
    height = builder.get_by_label("Alçada en píxels")
    change(height, lambda: height.fill("640"), re.compile(r'alcada=640.* height="640"'))
    expect(preview).to_have_attribute("height", "640")
    iframe, frame = framed()
    expect(iframe).to_have_attribute("height", "640")
    assert iframe.bounding_box()["height"] == 640

    # language: the address's prefix, the frame's <html lang>
    language = builder.get_by_label("Idioma")
    change(
        language, lambda: language.select_option("es"), re.compile(r'src="http://[^"]+/es/mapa/incrusta/\?')
    )
    iframe, frame = framed()
    expect(iframe).to_have_attribute("title", "Mapa de la ESS en Gràcia")
    expect(frame.locator("html")).to_have_attribute("lang", "es")

    # controls: no zoom buttons, no layer control
    controls = builder.get_by_role("checkbox", name="Botons de zoom i control de capes")
    change(controls, controls.uncheck, re.compile("controls=0"))
    _, frame = framed()
    expect(frame.locator(".leaflet-container")).to_be_visible()
    expect(frame.locator(".leaflet-control-zoom")).to_have_count(0)
    expect(frame.locator(".map-layers")).to_have_count(0)

    # the lock and the zoom limits: in the framed map's address, and applied by its Leaflet map
    lock = builder.get_by_role("checkbox", name="Limita la vista a l'àrea")
    change(lock, lock.uncheck, re.compile("limita=0"))
    low = builder.get_by_label(re.compile("^Zoom mínim"))
    change(low, lambda: low.fill("13"), re.compile("zoom_min=13"))
    high = builder.get_by_label(re.compile("^Zoom màxim"))
    change(high, lambda: high.fill("16"), re.compile("zoom_max=16"))
    framed()
    query = framed_query()
    assert (query["limita"], query["zoom_min"], query["zoom_max"]) == (["0"], ["13"], ["16"])
    leaflet = next(f for f in office.frames if "/mapa/incrusta/" in f.url)
    zooms = leaflet.evaluate(
        "() => { const map = window[JSON.parse(document.getElementById('map-config').textContent).map];"
        " return [map.getMinZoom(), map.getMaxZoom(), Boolean(map.options.maxBounds)]; }"
    )
    assert zooms == [13, 16, False]  # unlocked: no bounds

    # a bad value: named beside the code, which leaves it out, in a live region that was in the page
    # (not hidden) before it was filled, so that a screen reader announces it
    problems = builder.locator("[data-embed-problems]")
    expect(problems).to_have_attribute("aria-live", "polite")
    assert problems.evaluate(LIVE) == {"hidden": False, "display": "block", "onScreen": False, "text": ""}
    change(high, lambda: high.fill("12"), re.compile(r"^(?!.*zoom_)"))
    expect(problems).to_contain_text("zoom_min no pot ser més gran que zoom_max")
    expect(problems).to_be_visible()
    shown = problems.evaluate(LIVE)
    assert (shown["hidden"], shown["display"], shown["onScreen"]) == (False, "block", True), shown
    change(high, lambda: high.fill("16"), re.compile("zoom_max=16"))  # fixed: emptied, still there
    expect(problems).to_have_text("")
    assert problems.evaluate(LIVE)["hidden"] is False

    assert page.evaluate("window.notReloaded") is True
    expect(builder.get_by_role("button", name="Actualitza el codi")).to_be_hidden()  # no submit needed
    assert errors == [] and office_errors == []
    assert page.remote_requests == []


def test_the_copy_button_copies_the_code_and_says_so(builder_data, chromium, live_server):
    context = chromium.new_context(
        base_url=live_server.url,
        viewport={"width": 1280, "height": 900},
        locale="ca-ES",
        permissions=["clipboard-read", "clipboard-write"],
    )
    page = context.new_page()
    page.goto("/ca/mapa/?districte=gracia")
    builder = page.locator("[data-embed-builder]")
    code = builder.get_by_label("Codi per copiar")
    message = builder.locator("[data-embed-copied]")
    expect(message).to_have_attribute("aria-live", "polite")
    expect(message).to_have_text("")
    builder.get_by_label("Alçada en píxels").fill("700")
    expect(code).to_have_value(re.compile('height="700"'))
    builder.get_by_role("button", name="Copia el codi").click()
    expect(message).to_have_text("Codi copiat")
    copied = page.evaluate("navigator.clipboard.readText()")
    assert copied == code.input_value()
    assert copied.startswith(f'<iframe src="{live_server.url}/ca/mapa/incrusta/?districte=gracia&amp;')

    # without the clipboard API (a page served over plain http elsewhere): the code is selected
    page.add_init_script("delete Navigator.prototype.clipboard")
    page.reload()
    page.wait_for_load_state("networkidle")  # the builder's first answer is in
    expect(message).to_have_text("")
    builder.get_by_role("button", name="Copia el codi").click()
    expect(message).to_have_text(re.compile(r"^(Codi copiat|El codi està seleccionat: prem Ctrl\+C)"))
    expect(code).to_be_focused()
    assert page.evaluate(
        "(() => { const t = document.querySelector('[data-embed-code]'); return [t.selectionStart, t.selectionEnd, t.value.length]; })()"
    ) == [0, len(code.input_value()), len(code.input_value())]
    close(context)


def test_a_district_page_has_the_builder_preset_to_its_district(builder_data, page, host):
    errors = errors_of(page)
    page.goto("/ca/directori/districte/gracia/")
    page.get_by_text("Incrusta aquest mapa", exact=True).first.click()  # unfold it
    builder = page.locator("[data-embed-builder]")
    code = builder.get_by_label("Codi per copiar")
    expect(code).to_have_value(re.compile(r"/ca/mapa/incrusta/\?districte=gracia\""))
    expect(builder.get_by_label("Districte", exact=True)).to_have_value("gracia")
    # the layers, from the map's answer: the district's initiatives (the selection) ticked
    expect(builder.get_by_role("checkbox", name="La teva selecció")).to_be_checked()
    expect(builder.get_by_role("checkbox", name="Mercat social")).not_to_be_checked()
    districts = builder.get_by_role("checkbox", name="Districtes")
    districts.check()
    expect(code).to_have_value(re.compile(r"districte=gracia&amp;capes=seleccio,districtes\""))
    expect(districts).to_be_focused()
    expect(builder.locator("[data-embed-preview] iframe")).to_have_attribute(
        "src", "/ca/mapa/incrusta/?districte=gracia&capes=seleccio,districtes"
    )
    host.paste(code.input_value())
    office = page.context.new_page()
    office.goto(host.url)
    frame = office.frame_locator("iframe")
    expect(frame.locator('[data-legend="districtes"]')).to_be_visible()
    expect(frame.get_by_role("link", name="BiciTaller de Gràcia")).to_be_visible()
    expect(frame.get_by_role("link", name="Botiga del Poblenou")).to_have_count(0)
    assert errors == [] and page.remote_requests == []


def test_a_saved_embeds_admin_form_shows_a_live_preview_and_its_code(builder_data, chromium, live_server):
    from django.contrib.auth.models import User

    admin = User.objects.create_superuser("admin-builder", "admin@example.org", "x")
    client = Client()
    client.force_login(admin)
    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 1400, "height": 1000}, locale="ca-ES"
    )
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    errors = errors_of(page)
    page.goto("/admin/snippets/mapa/mapembed/add/")
    page.locator("#id_slug").fill("gracia-botigues")
    panel = page.locator("[data-embed-builder]")
    code = panel.get_by_label("Codi per copiar")
    expect(code).to_have_value(re.compile(r'src="http://[^"]+/ca/mapa/incrusta/gracia-botigues/"'))
    gracia = District.objects.get(slug="gracia")
    page.locator("#id_district").select_option(str(gracia.pk))
    preview = panel.locator("[data-embed-preview] iframe")
    expect(preview).to_have_attribute("src", re.compile(r"districte=gracia"))
    expect(preview).to_have_attribute("title", "Mapa de l'ESS a Gràcia")
    page.locator("#id_height").fill("610")
    expect(preview).to_have_attribute("height", "610")
    expect(page.locator("#id_height")).to_be_focused()
    frame = page.frame_locator("[data-embed-preview] iframe")
    expect(frame.locator('path[stroke-dasharray="6 4"]')).to_have_count(1)
    expect(code).to_have_value(re.compile(r'/ca/mapa/incrusta/gracia-botigues/".* height="610"'))

    # an embed already saved: its edit form previews what it shows, and each edit at once
    saved = MapEmbed.objects.create(
        name="Sants", slug="sants", district=District.objects.get(slug="sants-montjuic")
    )
    page.goto(f"/admin/snippets/mapa/mapembed/edit/{saved.pk}/")
    expect(preview).to_have_attribute("title", "Mapa de l'ESS a Sants-Montjuïc")
    expect(code).to_have_value(re.compile(r'/ca/mapa/incrusta/sants/"'))
    page.locator("#id_list_mode").select_option("cap")
    expect(preview).to_have_attribute("src", re.compile(r"llista=cap"))
    assert errors == []
    close(context)


def test_an_embed_in_a_phones_frame_switches_to_its_list_and_nothing_overflows(
    builder_data, chromium, live_server, host
):
    host.paste(
        f'<iframe src="{live_server.url}/ca/mapa/incrusta/?districte=gracia&capes=mercat-social,districtes"'
        ' title="Mapa" width="390" height="520" style="border:0;display:block"></iframe>'
    )
    context = chromium.new_context(viewport={"width": 390, "height": 700}, locale="ca-ES", has_touch=True)
    page = context.new_page()
    errors = errors_of(page)
    page.goto(host.url)
    frame = page.frame_locator("iframe")
    inside = next(f for f in page.frames if "/mapa/incrusta/" in f.url)

    map_button = frame.get_by_role("button", name="Mapa", exact=True)
    list_button = frame.get_by_role("button", name="Llista", exact=True)
    expect(map_button).to_have_attribute("aria-pressed", "true")
    expect(frame.locator(".leaflet-container")).to_be_in_viewport()
    expect(frame.get_by_role("link", name="La Botiga de Gràcia")).to_be_hidden()

    # the layer control starts folded: a button in a corner, not a panel over the map
    toggle = frame.get_by_role("button", name="Capes")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(frame.locator(".map-layers__panel")).to_be_hidden()
    control = frame.locator(".map-layers").bounding_box()
    area = frame.locator(".map-frame").bounding_box()
    assert control["width"] * control["height"] < 0.05 * area["width"] * area["height"], (control, area)
    assert area["x"] <= control["x"] and control["x"] + control["width"] <= area["x"] + area["width"]
    assert area["height"] >= 300  # the map keeps most of the frame
    assert area["y"] + area["height"] <= 520 + 1  # and fits in it with the switch above
    assert inside.evaluate("document.documentElement.scrollWidth") <= 390

    list_button.click()
    expect(list_button).to_have_attribute("aria-pressed", "true")
    expect(frame.locator(".map-frame")).to_be_hidden()
    expect(frame.get_by_role("link", name="La Botiga de Gràcia")).to_be_visible()
    expect(frame.locator("[data-map-item]").first).to_be_in_viewport()
    assert inside.evaluate("document.documentElement.scrollWidth") <= 390
    frame.locator("li", has_text="Cistella").get_by_role("button", name="Mostra al mapa").click()
    expect(frame.locator(".map-frame")).to_be_visible()  # back on the map, with the popup
    expect(frame.locator(".leaflet-popup-content")).to_contain_text("Cistella Vila de Gràcia")

    toggle.click()  # unfolded on request, and folded again
    expect(frame.locator(".map-layers__panel")).to_be_visible()
    toggle.click()
    expect(frame.locator(".map-layers__panel")).to_be_hidden()
    assert inside.evaluate("document.documentElement.scrollWidth") <= 390
    assert errors == []
    close(context)


# The framed document's size against its frame's, and how far the frame has scrolled itself.
FIT = """() => ({scrollHeight: document.documentElement.scrollHeight, innerHeight: window.innerHeight,
  scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, scrollY: window.scrollY})"""


@pytest.mark.parametrize("mode", ["costat", "sota", "cap"])
def test_the_embed_fills_its_frame_exactly_in_each_list_mode_and_size(
    builder_data, chromium, live_server, host, mode
):
    """Whatever the frame's size, the embed neither scrolls inside its frame nor is cut: the map keeps
    most of it, the legend and the credit are in view, and on a phone the list's "Show on the map"
    leaves the frame at its top with the Map/List switch and the zoom buttons in view."""
    for width, height in ((390, 520), (900, 520), (1280, 700)):
        host.paste(
            f'<iframe src="{live_server.url}/ca/mapa/incrusta/?districte=gracia&capes=mercat-social,districtes'
            f'&llista={mode}" title="Mapa" width="{width}" height="{height}" style="border:0;display:block"></iframe>'
        )
        phone = width < 600
        context = chromium.new_context(
            viewport={"width": width, "height": height + 100}, locale="ca-ES", has_touch=phone
        )
        page = context.new_page()
        errors = errors_of(page)
        page.goto(host.url)
        frame = page.frame_locator("iframe")
        expect(frame.locator(".leaflet-marker-pane, .leaflet-overlay-pane path").first).to_be_attached()
        expect(frame.locator('[data-legend="districtes"]')).to_be_in_viewport()
        expect(frame.locator(".embed__credit a")).to_be_in_viewport()
        inside = next(f for f in page.frames if "/mapa/incrusta/" in f.url)
        size = f"{mode} {width}×{height}"
        fit = inside.evaluate(FIT)
        assert fit["scrollHeight"] <= fit["innerHeight"] + 1, (size, fit)
        assert fit["scrollWidth"] <= fit["innerWidth"], (size, fit)
        assert (fit["innerWidth"], fit["innerHeight"]) == (width, height)
        area = frame.locator(".map-frame").bounding_box()
        assert area["height"] >= 250, (size, area)
        expect(frame.get_by_title("Apropa")).to_be_in_viewport()
        if mode == "cap":
            expect(frame.locator("[data-map-list]")).to_have_count(0)
        elif not phone:  # the list beside or under the map, scrolling in its own box
            items = frame.locator("[data-map-list]")
            expect(items).to_be_in_viewport()
            box = items.bounding_box()
            assert box["y"] + box["height"] <= height + 1, (size, box)
            expect(frame.get_by_role("link", name="La Botiga de Gràcia")).to_be_visible()
        else:
            switch = frame.locator("[data-map-switch]")
            expect(switch).to_be_in_viewport()
            frame.get_by_role("button", name="Llista", exact=True).click()
            expect(frame.get_by_role("link", name="Cistella Vila de Gràcia")).to_be_in_viewport()
            assert inside.evaluate(FIT)["scrollHeight"] <= height + 1
            frame.locator("li", has_text="Cistella").get_by_role("button", name="Mostra al mapa").click()
            expect(frame.locator(".leaflet-popup-content")).to_contain_text("Cistella Vila de Gràcia")
            shown = inside.evaluate(FIT)
            assert shown["scrollY"] == 0 and shown["scrollHeight"] <= height + 1, (size, shown)
            expect(switch).to_be_in_viewport()
            expect(frame.get_by_title("Apropa")).to_be_in_viewport()
        assert errors == [], (size, errors)
        close(context)

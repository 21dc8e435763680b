"""Issue 15, point 6: each load of an embed counts per embed, host site and day, with nothing personal
kept; bots are not counted; a failure to count never breaks the map; the owner sees the last 90 days
as a chart with its table, and as CSV, and an office sees its own embeds' usage only."""

import csv
import datetime
import html
import io
import logging
import re

from django.contrib.auth import get_user_model
from django.db import connection
from django.utils import timezone, translation

import pytest

from core.dates import long_date
from directori.models import District
from mapa.models import EmbedUsage, Layer, MapEmbed
from mapa.permissions import sync_office_group
from mapa.usage import DIRECT, origin
from tests.mapa.factories import market_layer

pytestmark = pytest.mark.django_db

ADDRESS = "203.0.113.77"
AGENT = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/140.0 Safari/537.36 Zq7Visitor"
BROWSER = {"HTTP_USER_AGENT": AGENT, "REMOTE_ADDR": ADDRESS}


@pytest.fixture
def embeds(boundaries):
    Layer.objects.create(slug="districtes", name="Districtes", kind="districts", shown_by_default=True)
    market_layer({"La Botiga de Gràcia": (2.1574, 41.4010)}, shown_by_default=True)
    made = {}
    for slug in ("gracia", "sant-marti"):
        district = District.objects.get(slug=slug)
        office = sync_office_group(district)
        made[slug] = MapEmbed.objects.create(
            name=f"Districte de {district.name}", slug=f"districte-{slug}", district=district, owner=office
        )
        user = get_user_model().objects.create_user(f"districte-{slug}", password="x")
        user.groups.add(office)
    get_user_model().objects.create_superuser("admin", password="x")
    return made


def counts():
    return {(u.embed, u.origin): u.count for u in EmbedUsage.objects.all()}


def test_each_load_counts_once_per_embed_host_site_and_day(client, embeds):
    host = {"HTTP_REFERER": "https://Someone:secret@www.Gracia.cat:8443/pagina-privada?usuari=42#mapa"}
    for _ in range(2):
        assert client.get("/ca/mapa/incrusta/districte-gracia/", **BROWSER, **host).status_code == 200
    client.get("/ca/mapa/incrusta/districte-gracia/", **BROWSER)  # no Referer: opened directly
    client.get("/ca/mapa/incrusta/?districte=gracia&capes=mercat-social", **BROWSER, **host)
    client.get("/ca/mapa/incrusta/?capes=mercat-social&districte=gracia", **BROWSER, **host)  # same map
    ad_hoc = "?capes=mercat-social&districte=gracia"
    assert counts() == {
        ("districte-gracia", "https://www.gracia.cat:8443"): 2,
        ("districte-gracia", DIRECT): 1,
        (ad_hoc, "https://www.gracia.cat:8443"): 2,
    }
    assert {u.day for u in EmbedUsage.objects.all()} == {timezone.localdate()}
    assert client.get("/ca/mapa/incrusta/no-existeix/", **BROWSER).status_code == 404
    assert EmbedUsage.objects.filter(embed="no-existeix").count() == 0


def test_no_stored_field_anywhere_holds_the_address_the_agent_or_the_page(client, embeds):
    """Every column of every row of every table, after loads with a distinctive address, agent and
    host page."""
    referer = "https://www.gracia.cat/pagina-privada-x9?usuari=42"
    for path in (
        "/ca/mapa/incrusta/districte-gracia/",
        "/ca/mapa/incrusta/?districte=gracia",
        # what a visitor types or where they are is never a key: counted as the Gràcia map above
        "/ca/mapa/incrusta/?districte=gracia&q=Maria+Puig+600123123&a_prop=41.40312,2.15561&centre=41.40312,2.15561",
    ):
        assert client.get(path, HTTP_REFERER=referer, **BROWSER).status_code == 200
    assert EmbedUsage.objects.count() == 2
    found = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608 - introspected names
            for row in cursor.fetchall():
                for value in row:
                    text = (
                        value.decode(errors="ignore") if isinstance(value, bytes | memoryview) else str(value)
                    )
                    if any(
                        secret in text
                        for secret in (
                            ADDRESS,
                            "Zq7Visitor",
                            "pagina-privada-x9",
                            "usuari=42",
                            "Maria",
                            "41.403",
                        )
                    ):
                        found.append((table, text[:80]))
    assert found == []
    assert set(EmbedUsage.objects.values_list("origin", flat=True)) == {"https://www.gracia.cat"}


def test_loads_from_this_sites_own_pages_are_not_a_host_sites_use(client, embeds):
    """The builders' previews and the area pages' maps frame the embed from this site itself."""
    for referer in ("http://testserver/ca/mapa/", "http://testserver/ca/directori/districte/gracia/"):
        assert (
            client.get("/ca/mapa/incrusta/districte-gracia/", HTTP_REFERER=referer, **BROWSER).status_code
            == 200
        )
    client.get("/ca/mapa/incrusta/districte-gracia/", HTTP_REFERER="http://testserver.example/", **BROWSER)
    assert counts() == {("districte-gracia", "http://testserver.example"): 1}


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "curl/8.5.0",
        "",
    ],
)
def test_known_bots_and_scripts_are_not_counted_but_still_get_the_map(client, embeds, agent):
    response = client.get("/ca/mapa/incrusta/districte-gracia/", HTTP_USER_AGENT=agent)
    assert response.status_code == 200 and "La Botiga de Gràcia" in response.content.decode()
    assert EmbedUsage.objects.count() == 0


def test_a_failure_to_count_is_logged_and_the_map_still_loads(client, embeds, caplog):
    """The counters' table made unavailable for real (renamed within the test's transaction)."""
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE mapa_embedusage RENAME TO mapa_embedusage_away")
    with caplog.at_level(logging.ERROR, logger="mapa.usage"):
        response = client.get("/ca/mapa/incrusta/districte-gracia/", **BROWSER)
    assert response.status_code == 200
    body = response.content.decode()
    assert "La Botiga de Gràcia" in body and 'id="map-config"' in body
    assert any("could not be counted" in r.getMessage() for r in caplog.records)
    with connection.cursor() as cursor:
        cursor.execute("ALTER TABLE mapa_embedusage_away RENAME TO mapa_embedusage")
    client.get("/ca/mapa/incrusta/districte-gracia/", **BROWSER)  # and counting resumes
    assert counts() == {("districte-gracia", DIRECT): 1}


@pytest.mark.parametrize(
    ("referer", "expected"),
    [
        ("http://LOCALHOST:8134/host.html", "http://localhost:8134"),
        ("https://ajuntament.barcelona.cat/gracia/ca/", "https://ajuntament.barcelona.cat"),
        ("http://[::1]:8000/x", "http://[::1]:8000"),
        ("android-app://com.example/", DIRECT),
        ("file:///home/me/page.html", DIRECT),
        ("not an address", DIRECT),
        ("http://host:99999/", DIRECT),
        ("", DIRECT),
    ],
)
def test_only_the_host_site_s_origin_is_read(referer, expected):
    assert origin(referer) == expected


def loads(client, embeds):
    """Usage of both offices' embeds and of an ad-hoc one, from two sites."""
    for path, site, times in (
        ("/ca/mapa/incrusta/districte-gracia/", "https://www.gracia.cat/", 3),
        ("/ca/mapa/incrusta/districte-gracia/", "https://blog.example.org/", 1),
        ("/ca/mapa/incrusta/districte-sant-marti/", "https://santmarti.example/", 2),
        ("/ca/mapa/incrusta/?districte=gracia", "https://adhoc.example/", 1),
    ):
        for _ in range(times):
            client.get(path, HTTP_REFERER=site, **BROWSER)


def test_an_office_sees_its_own_embeds_usage_as_an_accessible_chart_and_tables(client, embeds):
    loads(client, embeds)
    client.force_login(get_user_model().objects.get(username="districte-gracia"))
    body = client.get("/admin/mapa/us/").content.decode()
    assert (
        "Districte de Gràcia" in body
        and "https://www.gracia.cat" in body
        and "https://blog.example.org" in body
    )
    assert "santmarti.example" not in body and "Sant Martí" not in body and "adhoc.example" not in body
    days = re.search(
        r'<svg role="img" aria-labelledby="usage-chart-title-1 usage-chart-desc-1".*?</svg>', body, re.S
    )
    assert (
        '<title id="usage-chart-title-1">Visualitzacions de «Districte de Gràcia» per dia</title>'
        in days.group(0)
    )
    assert '<desc id="usage-chart-desc-1">4 visualitzacions' in days.group(0)
    assert days.group(0).count("<rect ") == 1  # one day with loads
    sites = re.search(
        r'<svg role="img" aria-labelledby="usage-sites-title-1 usage-sites-desc-1".*?</svg>', body, re.S
    )
    assert "de 2 llocs" in sites.group(0)
    bars = re.findall(
        r'<rect x="[\d.]+" y="[\d.]+" width="([\d.]+)"[^>]*><title>([^<]+)</title>', sites.group(0)
    )
    assert [(title, float(width)) for width, title in bars] == [
        ("https://www.gracia.cat: 3", 400.0),  # the longest bar, the most loads first
        ("https://blog.example.org: 1", pytest.approx(400 / 3, abs=0.01)),
    ]
    with translation.override("ca"):
        today = long_date(timezone.localdate())  # the admin speaks Catalan here: "1 de desembre de 2026"
    assert " de 20" in today
    assert f"<tr><td>{today}</td><td>4</td></tr>" in body
    assert "<tr><td>https://www.gracia.cat</td><td>3</td></tr>" in body


def test_the_csv_holds_the_same_counters_limited_to_the_user(client, embeds):
    loads(client, embeds)
    client.force_login(get_user_model().objects.get(username="districte-gracia"))
    response = client.get("/admin/mapa/us.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    today = timezone.localdate().isoformat()
    assert rows == [
        ["embed", "origin", "day", "loads"],
        ["districte-gracia", "https://blog.example.org", today, "1"],
        ["districte-gracia", "https://www.gracia.cat", today, "3"],
    ]
    client.force_login(get_user_model().objects.get(username="admin"))
    rows = list(csv.reader(io.StringIO(client.get("/admin/mapa/us.csv").content.decode())))
    assert {(r[0], r[1]) for r in rows[1:]} == {
        ("?districte=gracia", "https://adhoc.example"),
        ("districte-gracia", "https://blog.example.org"),
        ("districte-gracia", "https://www.gracia.cat"),
        ("districte-sant-marti", "https://santmarti.example"),
    }


def test_the_csv_of_one_embed_holds_that_embeds_counters_only(client, embeds):
    loads(client, embeds)
    client.force_login(get_user_model().objects.get(username="admin"))
    page = client.get("/admin/mapa/us/?incrustacio=districte-gracia").content.decode()
    assert 'href="/admin/mapa/us.csv?incrustacio=districte-gracia"' in page
    rows = list(
        csv.reader(
            io.StringIO(client.get("/admin/mapa/us.csv?incrustacio=districte-gracia").content.decode())
        )
    )
    assert {r[0] for r in rows[1:]} == {"districte-gracia"}


def test_one_ad_hoc_map_is_one_key_whatever_the_order_or_repeats_of_its_layers(client, embeds):
    host = {"HTTP_REFERER": "https://www.gracia.cat/"}
    for layers in (
        "mercat-social,districtes",
        "districtes,mercat-social",
        "districtes,mercat-social,districtes",
    ):
        client.get(f"/ca/mapa/incrusta/?districte=gracia&capes={layers}", **BROWSER, **host)
    assert counts() == {("?capes=districtes%2Cmercat-social&districte=gracia", "https://www.gracia.cat"): 3}


def test_host_sites_past_the_daily_limit_count_together(client, embeds, settings):
    """A Referer is the visitor's to write: invented sites cannot add rows without end."""
    from mapa import usage

    for n in range(usage.MAX_SITES + 5):
        client.get("/ca/mapa/incrusta/districte-gracia/", HTTP_REFERER=f"https://site{n}.example/", **BROWSER)
    client.get("/ca/mapa/incrusta/districte-gracia/", HTTP_REFERER="https://site0.example/", **BROWSER)
    found = counts()
    assert len(found) == usage.MAX_SITES + 1
    assert (
        found[("districte-gracia", usage.OTHER)] == 5
        and found[("districte-gracia", "https://site0.example")] == 2
    )


def test_counts_older_than_90_days_are_left_out_and_visitors_cannot_see_usage(client, embeds):
    today = timezone.localdate()
    EmbedUsage.objects.create(
        embed="districte-gracia", origin=DIRECT, day=today - datetime.timedelta(days=90), count=7
    )
    EmbedUsage.objects.create(
        embed="districte-gracia", origin=DIRECT, day=today - datetime.timedelta(days=89), count=5
    )
    client.force_login(get_user_model().objects.get(username="districte-gracia"))
    rows = list(csv.reader(io.StringIO(client.get("/admin/mapa/us.csv").content.decode())))
    assert [r[3] for r in rows[1:]] == ["5"]
    client.logout()
    assert client.get("/admin/mapa/us.csv").status_code == 302  # to the login


def test_the_embeds_listing_links_each_embed_to_its_own_usage(client, embeds):
    loads(client, embeds)
    client.force_login(get_user_model().objects.get(username="admin"))
    listing = client.get("/admin/snippets/mapa/mapembed/").content.decode()
    assert (
        '<a href="/admin/mapa/us/?incrustacio=districte-gracia">Visualitzacions dels darrers 90 dies</a>'
        in listing
    )
    body = client.get("/admin/mapa/us/", {"incrustacio": "districte-gracia"}).content.decode()
    assert "Districte de Gràcia" in body and "https://www.gracia.cat" in body
    assert "santmarti.example" not in body and "adhoc.example" not in body
    client.force_login(get_user_model().objects.get(username="districte-gracia"))
    other = client.get("/admin/mapa/us/", {"incrustacio": "districte-sant-marti"}).content.decode()
    assert "santmarti.example" not in other  # another office's embed asked by name: nothing


def test_a_count_of_one_reads_singular(client, embeds):
    """One load from one site: "1 visualització … d'1 lloc", not "1 visualitzacions … de 1 llocs"."""
    client.get("/ca/mapa/incrusta/districte-gracia/", HTTP_REFERER="https://www.gracia.cat/", **BROWSER)
    client.force_login(get_user_model().objects.get(username="districte-gracia"))
    body = client.get("/admin/mapa/us/").content.decode()
    days = re.search(r'<desc id="usage-chart-desc-1">([^<]*)</desc>', body).group(1)
    sites = re.search(r'<desc id="usage-sites-desc-1">([^<]*)</desc>', body).group(1)
    with translation.override("ca"):
        start, end = (
            long_date(timezone.localdate() - datetime.timedelta(days=89)),
            long_date(timezone.localdate()),
        )
    # "del 3 de setembre de 2026 a l'1 de desembre de 2026": the article elides before the day 1 or 11
    since = f"de l'{start}" if start.split()[0] in ("1", "11") else f"del {start}"
    until = f"a l'{end}" if end.split()[0] in ("1", "11") else f"al {end}"
    period = html.escape(f"{since} {until}")
    assert days.startswith(f"1 visualització {period}; com a màxim 1 en un dia"), days
    assert sites.startswith(f"1 visualització {period}, d&#x27;1 lloc."), sites
    assert "1 visualitzacions" not in body and "1 llocs" not in body

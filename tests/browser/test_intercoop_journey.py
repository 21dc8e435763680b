"""Issue 17's journey in Chromium, on the demo site: an initiative claims its entry by the e-mailed link,
posts a need ("Espai per a tallers" in Sants), finds the matching offer of another table's initiative and
contacts it through the site; that initiative records the agreement from the e-mail's link, the first one
confirms it, and it is counted on the strategy page's goal 3.2 and on both sector tables' pages."""

import re

from django.core import mail

import pytest

from directori.models import Initiative
from intercoop.models import Agreement, Post
from sectors.models import SectorPage
from tests.browser.conftest import close
from tests.conftest import seed_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "Una-contrasenya-llarga-2026"
WHAT = "Sala de Mou-te Sants per als tallers de cures, dos dimarts al mes"


def path_in(message, pattern):
    return re.search(rf"http://testserver(/\S*{pattern}\S*)", message.body).group(1)


@pytest.fixture
def demo(boundaries, settings):
    settings.TILES_URL = "/static/img/favicon.svg?{z}/{x}/{y}"
    seed_demo()


def strategy_count(tab):
    tab.goto("/ca/sectors/estrategia/")
    text = tab.locator("#fita-32 .agreements-count p").first.inner_text()
    return int(re.match(r"\d+", text).group(0))


def test_claim_post_a_need_contact_the_match_agree_and_be_counted(demo, chromium, live_server):
    claimer = Initiative.objects.get(slug="cuidem-sants")
    before = Agreement.objects.confirmed().count()
    visitor = chromium.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    tab = visitor.new_page()
    assert strategy_count(tab) == before

    # The claim: the one-time link goes to the entry's public e-mail
    tab.goto(claimer.get_absolute_url())
    tab.get_by_role("link", name=re.compile("Gestiona aquesta fitxa")).click()
    tab.locator("main form button[type=submit]").click()
    (claim,) = mail.outbox
    assert claim.to == [claimer.email]
    tab.goto(path_in(claim, "/compte/enllac/"))
    tab.fill("input[name=name]", "Aina")
    tab.fill("input[name=email]", "aina@cuidem.example.org")
    tab.fill("input[name=password1]", PASSWORD)
    tab.fill("input[name=password2]", PASSWORD)
    tab.locator("main form button[type=submit]").last.click()
    tab.wait_for_url(f"**/espai/{claimer.slug}/")
    assert "Cuidem Sants" in tab.locator("h1").inner_text()

    # A need in Sants
    tab.locator(".space-nav").get_by_role("link", name="Ofertes i necessitats").click()
    tab.locator(f"a[href$='/espai/{claimer.slug}/ofertes/nova/']").first.click()
    tab.check("input[name=direction][value=need]")
    tab.check("input[name=kind][value=space]")
    tab.fill("input[name=title]", "Espai per a tallers")
    tab.fill("textarea[name=description]", "Tallers de cures per a famílies, dues tardes al mes.")
    tab.get_by_label("Cures", exact=True).check()
    tab.select_option("select[name=where]", "barri:sants")
    tab.locator("main form button[type=submit]").last.click()
    tab.wait_for_load_state()
    assert not tab.locator(".error-summary").count(), tab.locator(".error-summary").inner_text()
    need = Post.objects.get(initiative=claimer, title="Espai per a tallers")

    # Its page lists the offer that answers it, and why
    tab.goto(need.get_absolute_url())
    offer = Post.objects.get(title="Sala per a tallers i formacions")
    match = tab.locator("li", has=tab.get_by_role("link", name="Sala per a tallers i formacions"))
    assert "↔" in match.inner_text() and "Mou-te Sants" in match.inner_text()
    match.get_by_role("link", name="Sala per a tallers i formacions").click()
    tab.wait_for_url(f"**{offer.get_absolute_url()}")

    # "Contacta": the message reaches the offer's people, never showing their address
    mail.outbox.clear()
    tab.get_by_role("link", name=re.compile("Contacta")).click()
    tab.fill("textarea[name=body]", "Hola! Us podríem llogar la sala dos dimarts al mes?")
    tab.locator("main form button[type=submit]").last.click()
    (contact,) = mail.outbox
    assert contact.to == ["iniciativa-mobilitat@example.org"] and contact.reply_to == [
        "aina@cuidem.example.org"
    ]
    assert "iniciativa-mobilitat@example.org" not in tab.content()

    # The other initiative accepts: it records the agreement from the e-mail's link
    other = chromium.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    answer = other.new_page()
    answer.goto("/ca/compte/entra/")
    answer.fill("input[name=username]", "iniciativa-mobilitat")
    answer.fill("input[name=password]", "ess-demo-2026")
    answer.locator("main form button[type=submit]").click()
    answer.wait_for_url("**/espai/**")
    mail.outbox.clear()
    answer.goto(path_in(contact, "/acords/nou/"))
    assert "Cuidem Sants" in answer.input_value("input[name=partner_name]")
    answer.fill("textarea[name=what], input[name=what]", WHAT)
    answer.check("input[name=consents]")
    answer.locator("main form button[type=submit]").last.click()
    agreement = Agreement.objects.get(what=WHAT)
    assert agreement.confirmed_at is None and agreement.post == offer  # the post contacted

    # The first initiative confirms it in its space, agreeing to be named too
    tab.goto(f"/ca/espai/{claimer.slug}/acords/")
    tab.get_by_role("link", name=WHAT).click()
    tab.locator(".confirm-box input[name=consents]").check()
    tab.locator(".confirm-box button[value=confirm]").click()
    tab.wait_for_load_state()
    agreement.refresh_from_db()
    assert agreement.confirmed_at is not None and agreement.named_in_public

    # Counted on goal 3.2 and on both tables' pages
    assert strategy_count(tab) == before + 1
    for sector in ("cures", "mobilitat"):
        table = SectorPage.objects.live().get(sector__slug=sector, locale__language_code="ca")
        tab.goto(table.url)
        assert WHAT in tab.locator(".agreements-count").inner_text(), sector
    close(other)
    close(visitor)

"""Accessibility in Chromium: axe-core's WCAG 2.1 A/AA rules on every public page type in each language
at desktop and phone sizes and on the admin screens the project adds, and reflow at 320 px.

axe-core comes bundled in axe-playwright-python: nothing is downloaded at run time. One browser, one
context (tab) per viewport, reused across pages, keeps the file within a few minutes.
"""

from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

import pytest
from axe_playwright_python.sync_playwright import Axe

from core.models import HomePage, StandardPage
from directori.models import ImportJob, Initiative, Neighbourhood, Proposal
from intercoop.models import Post
from mapa.models import MapEmbed
from sectors.models import (
    CoordinationTablePage,
    SectorIndexPage,
    SectorNewsPage,
    SectorPage,
    TractorProjectPage,
)
from tests.browser.conftest import close, log_in
from tests.conftest import seed_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LANGUAGES = [code for code, _ in settings.LANGUAGES]
WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
DESKTOP = {"width": 1280, "height": 800}
PHONE = {"width": 375, "height": 812}
REFLOW = {"width": 320, "height": 640}  # WCAG 1.4.10: 1280 px at 400 % zoom
OFFER = "Sala per a tallers i formacions"  # the demo's, with matches on its page
LONG_EMAIL = "coordinacio.general.intercooperativa@associaciodelsveinsiveinesdesantantoni.cat"
# What the map's zoom buttons are called in each language (Spanish "Acerca" read as "About").
ZOOM_BUTTONS = {"ca": ("Apropa", "Allunya"), "es": ("Acercar", "Alejar"), "en": ("Zoom in", "Zoom out")}

axe = Axe()


@pytest.fixture
def demo_site(boundaries, settings):
    """The demo site on the real boundaries, with tiles from our own server, and one initiative whose
    e-mail and web addresses are longer than a phone's line."""
    settings.TILES_URL = "/static/img/favicon.svg?{z}/{x}/{y}"
    seed_demo()
    initiative = Initiative.objects.filter(live=True, district__isnull=False).order_by("pk").first()
    initiative.email = LONG_EMAIL
    initiative.website = "https://www.associaciodelsveinsiveinesdesantantoni.cat/qui-som/la-nostra-historia"
    initiative.save()
    return initiative


def in_language(model, language):
    page = model.objects.live().filter(locale__language_code=language).order_by("path").first()
    assert page is not None, f"the demo has no live {model.__name__} in {language}"
    return page


def public_pages(language, initiative):
    """(page type, path) of every kind of public page, in one language."""
    with translation.override(language):
        index = in_language(SectorIndexPage, language)
        district = initiative.district
        neighbourhood = Neighbourhood.objects.filter(district=district).order_by("slug").first()
        embed = MapEmbed.objects.order_by("slug").first()
        directory = reverse("directori:index")
        return [
            ("home", in_language(HomePage, language).url),
            ("standard page", in_language(StandardPage, language).url),
            ("directory", directory),
            ("filtered directory", f"{directory}?sector=agroecologia&districte={district.slug}"),
            ("initiative with a long e-mail", initiative.get_absolute_url()),
            ("proposal form", reverse("directori:propose")),
            ("proposal thanks", reverse("directori:proposal_thanks")),
            ("district", reverse("directori:district", args=[district.slug])),
            ("neighbourhood", reverse("directori:neighbourhood", args=[neighbourhood.slug])),
            ("map", reverse("mapa:index")),
            ("embed (a district office's)", reverse("mapa:embed_preset", args=[embed.slug])),
            ("search results", reverse("search:index") + "?q=habitatge"),
            ("search without results", reverse("search:index") + "?q=zzzzqqq"),
            ("sector tables", index.url),
            ("strategy", index.url + index.reverse_subpage("strategy")),
            ("sector table and its plan", in_language(SectorPage, language).url),
            ("tractor project", in_language(TractorProjectPage, language).url),
            ("news", in_language(SectorNewsPage, language).url),
            ("coordinated table", in_language(CoordinationTablePage, language).url),
            ("bank of collaborations", reverse("intercoop:posts") + "?sentit=necessitat"),
            ("offer with its matches", Post.objects.listed().get(title=OFFER).get_absolute_url()),
            ("mentoring programme", reverse("intercoop:mentoring")),
            ("sign in", reverse("intercoop:login")),
            ("claim an entry", reverse("intercoop:claim", args=[initiative.slug])),
            ("404", f"/{language}/no-hi-ha-res-aqui/"),
        ]


def visit(tab, path, status=200):
    """Open a page and wait for what its scripts draw (maps and the admin's previews load after it)."""
    response = tab.goto(path, wait_until="networkidle" if "/mapa/" in path else "load")
    assert response.status == status, f"{path} answered {response.status}"


def violations(tab, where, context=None):
    """axe's WCAG 2.1 A/AA violations on the open page, as readable lines (rule, impact, help, and
    each offending element's selector and HTML)."""
    found = axe.run(tab, context=context, options=WCAG_21_AA).response["violations"]
    return [
        f"{where}: {v['id']} ({v['impact']}) {v['help']}\n"
        + "\n".join(f"    {', '.join(map(str, node['target']))}: {node['html'][:160]}" for node in v["nodes"])
        for v in found
    ]


def reflow_problems(tab, kind, path):
    """WCAG 1.4.10 (reflow) at 320 CSS px: nothing but a data table's own scrolling box may be wider
    than the screen; label/value facts stack instead of squeezing the value to a letter a line; a long
    e-mail address breaks rather than running off the screen."""
    problems = []
    scroll, screen = tab.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    if scroll > screen:
        problems.append(f"{kind} {path}: {scroll} px wide on a {screen} px screen")
    if kind in ("district", "neighbourhood", "initiative with a long e-mail", "tractor project"):
        widths = tab.eval_on_selector_all(
            ".facts dd", "dds => dds.map(dd => dd.getBoundingClientRect().width)"
        )
        if not widths or min(widths) < 200:
            problems.append(f"{kind} {path}: facts' values squeezed to {widths} px")
    if kind == "initiative with a long e-mail":
        link = tab.get_by_role("link", name=LONG_EMAIL).bounding_box()
        if link["x"] + link["width"] > screen:
            problems.append(f"{kind} {path}: the e-mail address runs off the screen")
    return problems


def test_every_public_page_passes_wcag_21_aa_and_reflows_at_320_px(demo_site, chromium, live_server):
    """Each page type in each language: axe at desktop and phone sizes, reflow at 320 px, and the map's
    zoom buttons' names. Every problem is gathered first, so one run lists them all."""
    violated, wide = [], []
    for viewport in (DESKTOP, PHONE, REFLOW):
        context = chromium.new_context(base_url=live_server.url, viewport=viewport)
        tab = context.new_page()
        for language in LANGUAGES:
            for kind, path in public_pages(language, demo_site):
                visit(tab, path, 404 if kind == "404" else 200)
                if viewport is REFLOW:
                    wide += reflow_problems(tab, kind, path)
                    continue
                violated += violations(tab, f"{kind} {path} at {viewport['width']} px")
                if kind == "map":
                    zoom = [
                        tab.locator(f".leaflet-control-zoom-{d}").get_attribute("title")
                        for d in ("in", "out")
                    ]
                    assert tuple(zoom) == ZOOM_BUTTONS[language], f"zoom buttons in {language}: {zoom}"
        close(context)
    assert not violated, f"{len(violated)} WCAG 2.1 A/AA violations:\n" + "\n".join(violated)
    assert not wide, "At 320 px:\n" + "\n".join(wide)


def test_the_projects_admin_screens_pass_wcag_21_aa(demo_site, chromium, live_server, tmp_path):
    """The admin screens and dashboard panels the project adds, as staff, a table member and a
    district office see them. On Wagtail's own initiative edit form only the project's panel is
    checked: Wagtail's rich-text editor there has no accessible name (wagtail/wagtail#14205, open)."""
    Proposal.objects.create(
        initiative=Initiative.objects.filter(live=True).first(),
        kind=Proposal.Kind.CORRECTION,
        proposer_name="Veïna",
        proposer_email="veina@example.org",
        message="L'adreça ha canviat.",
    )
    archived = Initiative.objects.filter(live=True).order_by("-pk").first()
    archived.archive()
    office_embed = MapEmbed.objects.get(slug="districte-gracia")
    problems = []
    context = chromium.new_context(base_url=live_server.url, viewport=DESKTOP, locale="ca-ES")
    tab = context.new_page()

    log_in(tab, "admin")
    visit(tab, "/admin/directori/import/")
    problems += violations(tab, "import form")
    data = tmp_path / "iniciatives.csv"
    data.write_text("id,Nom\nA1,Cooperativa Nova\nA2,\n")  # the second row has no name: rejected
    mapping = tmp_path / "mapa.toml"
    mapping.write_text('[options]\nsource = "prova"\n[columns]\nexternal_id = "id"\nname = "Nom"\n')
    tab.set_input_files("input[name=data_file]", str(data))
    tab.set_input_files("input[name=mapping_file]", str(mapping))
    tab.check("input[name=partial]")  # import the valid rows: the check lists the rejected one
    tab.locator("form[enctype] button[type=submit]").click()
    tab.wait_for_url("**/admin/directori/import/*/")
    call_command("db_worker", "--backend", "imports", "--queue-name", "*", "--batch", "--no-startup-delay")
    job = ImportJob.objects.get()
    assert job.status == ImportJob.Status.CHECKED, job.error
    tab.reload()
    assert tab.locator("table.listing caption").count() == 1, "the check report lists the rejected row"
    problems += violations(tab, "import check report")
    for where, path, scope in (
        ("dashboard with pending proposals", "/admin/", None),
        ("proposals with possible duplicates", "/admin/snippets/directori/proposal/", None),
        ("restore an archived initiative", f"/admin/directori/initiative/{archived.pk}/restore/", None),
        ("embed usage", "/admin/mapa/us/", None),
        ("initiative accounts", reverse("intercoop_accounts"), None),
        ("mentoring: suggested pairs", reverse("intercoop_mentoring"), None),
        ("hide a post", reverse("intercoop_post_hide", args=[Post.objects.listed().first().pk]), None),
        ("map embed edit with preview", f"/admin/snippets/mapa/mapembed/edit/{office_embed.pk}/", None),
        (
            "initiative's point preview",
            f"/admin/snippets/directori/initiative/edit/{demo_site.pk}/",
            {"include": [[".point-preview"]]},
        ),
    ):
        visit(tab, path)
        problems += violations(tab, where, scope)
    close(context)

    # An initiative's space, as its owner sees it (public side, not the admin)
    context = chromium.new_context(base_url=live_server.url, viewport=DESKTOP, locale="ca-ES")
    tab = context.new_page()
    tab.goto(reverse("intercoop:login"))
    tab.fill("input[name=username]", "iniciativa-mobilitat")
    tab.fill("input[name=password]", settings.DEMO_PASSWORD)
    tab.locator("main form button[type=submit]").click()
    tab.wait_for_url("**/espai/**")
    space = Initiative.objects.get(memberships__user__username="iniciativa-mobilitat").slug
    for name in ("space", "edit_entry", "team", "space_posts", "post_new", "agreements", "agreement_new"):
        visit(tab, reverse(f"intercoop:{name}", args=[space]))
        problems += violations(tab, f"the space's {name}")
    visit(tab, reverse("intercoop:space_mentoring", args=[space]))
    problems += violations(tab, "the space's mentoring")
    tab.locator("main form button[type=submit]").first.click()  # a form sent empty: its errors
    problems += violations(tab, "the space's mentoring form with errors")
    close(context)

    for user, paths in (
        ("membre-agroecologia", ["/admin/", reverse("intercoop_mentoring")]),
        (
            "districte-gracia",
            ["/admin/", "/admin/mapa/us/", f"/admin/snippets/mapa/mapembed/edit/{office_embed.pk}/"],
        ),
    ):
        context = chromium.new_context(base_url=live_server.url, viewport=DESKTOP, locale="ca-ES")
        tab = context.new_page()
        log_in(tab, user)
        for path in paths:
            visit(tab, path)
            problems += violations(tab, f"{path} as {user}")
        close(context)
    assert not problems, f"{len(problems)} WCAG 2.1 A/AA violations:\n" + "\n".join(problems)

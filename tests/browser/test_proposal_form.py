"""The proposal form with errors, in Chromium: what a keyboard user does, and what axe finds."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from directori.models import EssFamily, Sector

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WCAG_A_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


@pytest.fixture
def with_errors(page):
    """The form sent with a bad website and no name nor e-mail: it comes back with errors."""
    EssFamily.objects.create(slug="cooperativa", name="Cooperativa")
    Sector.objects.create(slug="cures", name="Cures")
    page.goto("/ca/directori/proposa/")
    page.get_by_label("Web de la iniciativa").fill("no és un web")
    with page.expect_navigation():
        page.get_by_role("button", name="Envia la proposta").click()
    page.wait_for_load_state("load")
    return page


def focused(page):
    return page.evaluate(
        "() => { const e = document.activeElement; return e.id || e.getAttribute('href') || e.tagName; }"
    )


def test_the_summary_takes_the_focus_and_its_links_lead_to_the_fields(with_errors):
    page = with_errors
    assert page.title().startswith("Error: Proposa una iniciativa")
    page.wait_for_function("() => document.activeElement.id === 'error-summary'")
    page.keyboard.press("Tab")
    assert focused(page) == "#id_name"
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'id_name'")
    page.keyboard.type("Cooperativa La Formiga")  # typing goes to the field
    assert page.get_by_label("Nom de la iniciativa").input_value() == "Cooperativa La Formiga"
    # The website's link comes next, then the proposer's e-mail.
    page.get_by_role("link", name="Web de la iniciativa: ").focus()
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.activeElement.id === 'id_website'")


def test_axe_finds_nothing_on_the_form_with_errors(with_errors):
    results = Axe().run(with_errors, options=WCAG_A_AA)
    assert results.response["passes"]  # axe ran its rules on the page
    assert results.violations_count == 0, results.generate_snapshot()


def test_axe_finds_nothing_on_the_empty_form(page):
    Sector.objects.create(slug="cures", name="Cures")
    page.goto("/ca/directori/proposa/")
    results = Axe().run(page, options=WCAG_A_AA)
    assert results.response["passes"]  # axe ran its rules on the page
    assert results.violations_count == 0, results.generate_snapshot()

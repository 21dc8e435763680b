"""A visitor uses the site search in Chromium: suggestions as they type, results, a facet, a result."""

import pytest

from directori.models import EssFamily, Initiative

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_visitor_gets_suggestions_searches_and_filters(providers, page):
    Initiative(
        name="<img src=x onerror=alert(1)>Mediació",
        description="<p>Mediació al barri.</p>",
        longitude=2.1577,
        latitude=41.4012,
        family=EssFamily.objects.get(),
        live=True,
    ).save()
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto("/ca/cerca/")
    box = page.get_by_label("Què busques?")
    box.press_sequentially("mediaci", delay=30)
    options = page.locator("#search-suggestions option")
    options.first.wait_for(state="attached")
    assert "Mediació Familiar Gràcia" in [o.get_attribute("value") for o in options.all()]

    box.fill("mediacio")
    with page.expect_navigation():  # read the results page, not the one being left
        page.get_by_role("button", name="Cerca", exact=True).click()
    titles = page.locator(".search-result a")
    expected = ["<img src=x onerror=alert(1)>Mediació", "Mediació Familiar Gràcia", "Mediació del Poblenou"]
    assert sorted(titles.all_inner_texts()) == expected
    assert page.locator(".search-result mark").first.inner_text().lower().startswith("mediaci")

    page.get_by_role("radio", name="Gràcia (2)").check()
    with page.expect_navigation():
        page.get_by_role("button", name="Aplica els filtres").click()
    assert "districte=gracia" in page.url
    assert sorted(titles.all_inner_texts()) == [
        "<img src=x onerror=alert(1)>Mediació",
        "Mediació Familiar Gràcia",
    ]

    with page.expect_navigation():
        page.get_by_role("link", name="Mediació Familiar Gràcia").click()
    assert page.get_by_role("heading", level=1).inner_text() == "Mediació Familiar Gràcia"
    assert dialogs == [] and page.remote_requests == []

"""A sector-table member edits their table in the admin and submits it; the moderator approves; the
public sees the change. All in Chromium, as the people who do it would."""

import pytest
from playwright.sync_api import expect

from sectors.models import SectorPage
from tests.browser.conftest import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def more_actions(page):
    """The footer's action menu (save draft, submit, approve...)."""
    page.get_by_role("button", name="Més accions").click()


def test_member_submits_their_table_the_moderator_approves_and_it_is_live(seeded, page):
    table = SectorPage.objects.get(sector__slug="habitatge", locale__language_code="ca")
    new_intro = "La taula d'habitatge obre la convocatòria de cooperatives en cessió d'ús."

    log_in(page, "membre-habitatge")
    page.get_by_role("link", name="Taula d'habitatge").first.click()  # the dashboard's "your table" panel
    page.get_by_role("textbox", name="Introducció").fill(new_intro)
    more_actions(page)
    with page.expect_navigation():
        page.get_by_role("button", name="Envia a Aprovació de moderació").click()
    expect(page.locator(".messages")).to_contain_text("ha estat enviada a moderació")
    assert SectorPage.objects.get(pk=table.pk).introduction != new_intro  # not live yet
    page.goto(table.url)
    assert new_intro not in page.content()

    page.context.clear_cookies()
    log_in(page, "moderador")
    page.goto(f"/admin/pages/{table.pk}/edit/")
    more_actions(page)
    # "Approve and publish", without the comment dialog (Wagtail's Catalan label for it reads "Aprovari Publica")
    with page.expect_navigation():
        page.locator(
            'button[data-workflow-action-name="approve"]:not([data-workflow-action-modal-url])'
        ).click()
    assert SectorPage.objects.get(pk=table.pk).introduction == new_intro

    page.context.clear_cookies()
    page.goto(table.url)
    assert page.get_by_text(new_intro).is_visible()
    assert page.remote_requests == []

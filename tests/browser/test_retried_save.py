"""A save sent twice gives the page of one save (issue 16, point 9).

An editor's save whose answer was lost (a 500 "database is locked", a dropped connection) is sent
again by the browser (resubmit, retry) with the same form: the project update it adds must not end up
twice in the draft. Chromium posts the first save, the answer is dropped, and the same request is
sent again, as a browser's resubmission sends it."""

from django.conf import settings

import pytest

from sectors.models import TractorProjectPage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

NEW = "Hem obert la botiga del barri."


@pytest.mark.parametrize("published", [False, True], ids=["never-published", "live"])
def test_a_resent_save_adds_the_update_once(seeded, page, published):
    project = TractorProjectPage.objects.filter(locale__language_code="ca").first()
    if not published:
        project.unpublish()  # saved straight to its tables, not only to a revision
    page.goto("/admin/login/")
    page.locator("input[name=username]").fill("moderador")
    page.locator("input[name=password]").fill(settings.DEMO_PASSWORD)
    page.locator("button[type=submit]").click()
    page.wait_for_url("**/admin/")

    sent = []

    def lose_the_first_answer(route):
        request = route.request
        if request.method == "POST" and not sent:
            sent.append(request)
            route.fetch()  # the server saves and commits...
            route.abort()  # ...and the answer never reaches the browser
            return
        route.continue_()

    page.route(f"**/admin/pages/{project.pk}/edit/", lose_the_first_answer)
    page.goto(f"/admin/pages/{project.pk}/edit/")
    page.locator("#id_updates-ADD").click()
    page.locator("textarea[name$='-text']").last.fill(NEW)
    page.get_by_role("button", name="Desa esborrany").click()
    page.wait_for_timeout(1000)
    assert len(sent) == 1
    first = sent[0]
    again = page.request.post(
        first.url,
        data=first.post_data_buffer,
        headers={"Content-Type": first.headers["content-type"]},
        max_redirects=0,
    )
    assert again.status == 302  # saved, back to the editor

    draft = TractorProjectPage.objects.get(pk=project.pk).get_latest_revision_as_object()
    texts = [update.text for update in draft.updates.all()]
    assert texts.count(NEW) == 1, texts
    assert len(texts) == 4  # the demo's three and the new one

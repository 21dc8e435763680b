"""E-mail (issue 16, point 10): a page submitted for moderation notifies each moderator in the language
of their admin profile, and nothing is logged as an error on the way."""

import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail.users.models import UserProfile

import pytest

from core.models import HomePage, StandardPage

pytestmark = pytest.mark.django_db


def user(username, language="", **extra):
    person = get_user_model().objects.create_user(username, f"{username}@example.org", "x", **extra)
    if language:
        profile = UserProfile.get_for_user(person)
        profile.preferred_language = language
        profile.save()
    return person


@pytest.fixture
def page():
    home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Inici", slug="inici-correu", hero_title="Benvinguda")
    )
    return home.add_child(instance=StandardPage(title="Qui som", slug="qui-som", introduction="Abans."))


@pytest.fixture
def moderators():
    group = Group.objects.get(name="Moderators")
    for username, language in (("moderadora", "ca"), ("moderator", "en")):
        user(username, language, is_staff=True).groups.add(group)


def submit(client, page, caplog):
    """An editor who works in Spanish submits the page for moderation; returns what was logged."""
    editor = user("editora", "es", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    with caplog.at_level(logging.WARNING):
        response = client.post(
            f"/admin/pages/{page.pk}/edit/",
            nested_form_data(
                {
                    "title": "Qui som",
                    "slug": "qui-som",
                    "introduction": "Després.",
                    "body": streamfield([]),
                    "action-submit": "1",
                }
            ),
        )
    assert response.status_code == 302
    assert page.workflow_states.filter(status="in_progress").exists()  # submitted, not just saved
    return [record for record in caplog.records if record.levelno >= logging.WARNING]


def test_a_submission_mails_each_moderator_in_their_own_language(client, page, moderators, caplog):
    assert submit(client, page, caplog) == []
    by_recipient = {message.to[0]: message for message in mail.outbox}
    assert set(by_recipient) == {"moderadora@example.org", "moderator@example.org"}
    catalan, english = by_recipient["moderadora@example.org"], by_recipient["moderator@example.org"]
    assert 'The page "Qui som" has been submitted' in english.subject
    assert "ha estat enviada" in catalan.subject and "Qui som" in catalan.subject, catalan.subject
    assert "ha sido enviada" not in catalan.subject + english.subject  # not the editor's Spanish
    # one voice in the mail's own lines too (upstream: "Editeu les preferències", "Podeu editar")
    assert "Edita les teves preferències de notificació aquí:" in catalan.body
    assert "Pots editar la pàgina aquí:" in catalan.body and "Editeu" not in catalan.body
    assert english.from_email == "ESS Barcelona <noreply@localhost>"


def test_in_development_the_mails_are_printed_and_nothing_is_logged(
    client, page, moderators, caplog, capsys, settings
):
    """Development's backend (settings.dev: EMAIL_URL=consolemail://). With Django's default, SMTP on
    localhost:25, each submission logged 'Mail connection error' with a ConnectionRefusedError."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
    assert submit(client, page, caplog) == []
    printed = capsys.readouterr().out
    assert "To: moderadora@example.org" in printed and "To: moderator@example.org" in printed

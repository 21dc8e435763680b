"""One voice: "tu" in Catalan and Spanish, in our catalogue and in the upstream messages it overrides;
the admin's login and moderation strings in correct Catalan; the workflow's name in each editor's
language."""

import html
import re
from pathlib import Path

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext

from wagtail.models import PageViewRestriction, Site, Task, Workflow
from wagtail.users.models import UserProfile

import pytest
from babel.messages.pofile import read_po

from core import upstream_messages
from sectors.models import SectorNewsPage

# Formal (vostè / vosaltres) imperatives and possessives: the stems that slip in from upstream.
FORMAL = {
    "ca": r"\b(?:introduïu|introduir-ne|feu|escriviu|podeu|premeu|"
    r"torneu|assegureu|esculliu|seleccioneu|comproveu|proveu|vostè|vostre|vostra|vostres|us cal)\b",
    "es": r"\b(?:usted|ustedes|introduzca|haga|escriba|pulse|seleccione|escoja|elija|intente|asegúrese|"
    r"compruebe|vuelva|ingrese|corrija)\b",
}


def catalogue(language):
    path = Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES" / "django.po"
    with path.open("rb") as po:
        return read_po(po, locale=language)


def texts(message):
    return [message.string] if isinstance(message.string, str) else list(message.string)


def test_the_stems_catch_the_formal_register():
    catches = re.compile(FORMAL["ca"], re.IGNORECASE).search
    assert (
        catches("Introduïu una URL vàlida.")
        and catches("Assegureu-vos que…")
        and catches("Torneu-ho a provar")
    )
    assert not catches("Introdueix un URL vàlid.") and not catches("Escriu el nom.")
    catches = re.compile(FORMAL["es"], re.IGNORECASE).search
    assert catches("Introduzca una URL válida.") and catches("Asegúrese de que…")
    assert not catches("Introduce una URL válida.")


@pytest.mark.parametrize("language", ["ca", "es"])
def test_our_catalogue_speaks_with_tu(language):
    formal = re.compile(FORMAL[language], re.IGNORECASE)
    found = [
        text for message in catalogue(language) for text in texts(message) if text and formal.search(text)
    ]
    assert found == []


@pytest.mark.parametrize("language", ["ca", "es"])
def test_every_overridden_upstream_message_stays_in_our_catalogue(language):
    """core.upstream_messages keeps them in the code, so `make messages` keeps them; each must be
    translated, ending with a full stop where the original does."""
    messages = catalogue(language)
    listed = [
        *upstream_messages.FORM_ERRORS,
        *upstream_messages.CSRF_FAILURE,
        *upstream_messages.PAGE_PASSWORD,
        *upstream_messages.LOGIN,
        *upstream_messages.ADMIN,
        *upstream_messages.WORKFLOW,
        ("Ensure this value has at most %(limit_value)d character (it has %(show_value)d).",),  # TOO_LONG
    ]
    for msgid in listed:
        message = messages.get(msgid)
        assert message is not None and all(texts(message)), msgid
        original = msgid if isinstance(msgid, str) else msgid[0]
        for text in texts(message):
            assert text.endswith(".") == original.endswith("."), text


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("ca", "Si has configurat el teu navegador perquè no accepti galetes, torna-les a activar"),
        ("es", "Si has configurado tu navegador para que no acepte cookies, vuelve a activarlas"),
    ],
)
def test_a_proposal_without_its_cookie_is_refused_with_tu(db, language, expected):
    response = Client(enforce_csrf_checks=True).post(
        f"/{language}/directori/proposa/", {"name": "La Formiga"}
    )
    assert response.status_code == 403
    assert expected in response.content.decode()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "ca",
            ["Cal una contrasenya", "Necessites una contrasenya", "Torna-ho a provar.", 'value="Continua"'],
        ),
        (
            "es",
            [
                "Se necesita una contraseña",
                "Necesitas una contraseña",
                "Vuelve a intentarlo.",
                'value="Continúa"',
            ],
        ),
    ],
)
def test_a_password_protected_page_speaks_with_tu(client, db, language, expected):
    home = Site.objects.get(is_default_site=True).root_page
    PageViewRestriction.objects.create(
        page=home, restriction_type=PageViewRestriction.PASSWORD, password="clau"
    )
    form = client.get(f"/{language}/").content.decode()
    action = re.search(r'<form action="([^"]+)"', form)[1]
    page = client.post(action, {"password": "no", "return_url": f"/{language}/"}).content.decode()
    for text in expected:
        assert text in page


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        (
            "ca",
            ["Contrasenya", "Inicia la sessió", "Introdueix la contrasenya", "Has oblidat la contrasenya?"],
        ),
        ("es", ["Contraseña", "Inicia sesión", "Introduce la contraseña"]),
    ],
)
def test_the_admin_login_page_speaks_the_language(client, db, language, expected):
    page = client.get("/admin/login/", headers={"accept-language": language}).content.decode()
    for text in expected:
        assert text in page
    assert ">Password" not in page and "Registra't" not in page and "contrassenya" not in page


def test_a_wrong_login_is_told_with_tu(client, db):
    response = client.post(
        "/admin/login/", {"username": "ningu", "password": "no"}, headers={"accept-language": "ca"}
    )
    assert (
        "El nom d&#x27;usuari i la contrasenya no coincideixen. Torna-ho a provar."
        in response.content.decode()
    )


def test_the_admin_moderation_and_creation_strings():
    """Composed as Wagtail composes them (wagtail.admin.action_menu; generic CreateView)."""
    with translation.override("ca"):
        assert gettext("%(label)s and Publish") % {"label": gettext("Approve")} == "Aprova i publica"
        title = gettext("New: %(model_name)s") % {"model_name": SectorNewsPage._meta.verbose_name}
        assert title == "Nou element: notícia de taula sectorial"
        assert str(SectorNewsPage._meta.verbose_name_plural) == "notícies de taula sectorial"
    with translation.override("es"):
        assert gettext("%(label)s and Publish") % {"label": gettext("Approve")} == "Aprueba y publica"


def test_the_workflow_is_named_in_each_editors_language(client, db):
    """Wagtail's moderation workflow, as the migrations leave it (named in Catalan in the database)."""
    workflow = Workflow.objects.get()
    assert workflow.__dict__["name"] == "Moderators approval"  # the stored Catalan name, read as the msgid
    editor = get_user_model().objects.create_superuser("editora", "editora@example.org", "x")
    client.force_login(editor)
    for language, name in (
        ("ca", "Aprovació de moderació"),
        ("es", "Aprobación de moderación"),
        ("en", "Moderators' approval"),
    ):
        profile = UserProfile.get_for_user(editor)
        profile.preferred_language = language
        profile.save()
        page = client.get("/admin/workflows/list/").content.decode()
        assert html.escape(name) in page, language
        with translation.override(language):
            assert Workflow.objects.get().name == name and Task.objects.get().specific.name == name


def test_a_workflow_saved_in_another_language_keeps_its_translations(db):
    with translation.override("es"):
        workflow = Workflow.objects.get()
        workflow.save()  # stores the Spanish name
    assert Workflow.objects.filter(name="Aprobación de moderación").exists()
    with translation.override("ca"):
        assert Workflow.objects.get().name == "Aprovació de moderació"
    renamed = Workflow.objects.create(name="Revisió de la taula")
    with translation.override("es"):
        assert Workflow.objects.get(pk=renamed.pk).name == "Revisió de la taula"


@pytest.mark.parametrize("language", ["ca", "es"])
def test_a_sentence_ends_with_a_full_stop_in_every_language(language):
    """Where the English message ends with a full stop, its translation does too, and only there."""
    wrong = [
        (message.id, text)
        for message in catalogue(language)
        if message.id
        for text in texts(message)
        if text
        and text.endswith(".") != (message.id if isinstance(message.id, str) else message.id[0]).endswith(".")
    ]
    assert wrong == []

"""`seed_demo`: the demo site a newcomer gets from `make run`."""

import io

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings

from wagtail.models import Locale, Page, PageLogEntry, Revision, Site

import pytest

from core.models import HomePage

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_module")]


def counts():
    User = get_user_model()
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "log entries": PageLogEntry.objects.count(),
        "locales": Locale.objects.count(),
        "sites": Site.objects.count(),
        "users": User.objects.count(),
        "group memberships": User.groups.through.objects.count(),
    }


def test_seed_is_idempotent_and_says_so_in_the_language_asked_for(seeded):
    first = counts()
    out = io.StringIO()
    call_command("seed_demo", force=True, language="es", stdout=out)
    assert counts() == first
    lines = out.getvalue().splitlines()
    assert lines[0].startswith("core: página de inicio y") and "(0 páginas nuevas)" in lines[0]
    assert "directori: palabras de necesidades (0 nuevas)" in lines
    assert any(line.startswith("sectors: ") and line.endswith("(0 páginas nuevas)") for line in lines)
    assert lines[-1] == "Contenido de demostración listo."


def test_seed_builds_the_home_page_in_three_languages(seeded):
    homes = HomePage.objects.live().order_by("locale__language_code")
    assert [h.locale.language_code for h in homes] == ["ca", "en", "es"]
    assert len({h.translation_key for h in homes}) == 1
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific.locale.language_code == "ca"
    assert not Page.objects.filter(depth=2).exclude(content_type__model="homepage").exists()


def test_demo_users_log_in_with_the_demo_password(client, seeded):
    for username in ("admin", "moderador"):
        # Through the sign-in form: django-axes needs the request that Client.login() does not pass.
        response = client.post("/admin/login/", {"username": username, "password": settings.DEMO_PASSWORD})
        assert response.status_code == 302, username
        assert client.get("/admin/").status_code == 200
        client.logout()
    moderador = get_user_model().objects.get(username="moderador")
    assert not moderador.is_superuser
    assert moderador.groups.filter(name="Moderators").exists()


@override_settings(DEBUG=False)
def test_seed_refuses_to_run_without_debug_unless_forced(db):
    before = counts()
    with pytest.raises(CommandError, match="--force"):
        call_command("seed_demo")
    assert counts() == before


def test_a_rerun_keeps_a_password_its_owner_changed(seeded):
    admin = get_user_model().objects.get(username="admin")
    admin.set_password("una-contrasenya-nova-2026")
    admin.save()
    call_command("seed_demo", force=True)
    admin.refresh_from_db()
    assert admin.check_password("una-contrasenya-nova-2026")

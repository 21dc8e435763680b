"""Staff manage initiatives in the Wagtail admin: list filters, map preview, drafts, import view."""

from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile

import pytest

from directori.models import District, Initiative
from tests.directori.test_import import MESSY_CSV, MESSY_MAPPING
from tests.directori.test_import_jobs import run_queued_tasks

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_module")]


@pytest.fixture
def staff(client, seeded):
    client.force_login(get_user_model().objects.get(username="moderador"))
    return client


@pytest.fixture
def gracia_coop(boundaries):
    return Initiative.objects.create(name="Cal Veïnat", longitude=2.1574, latitude=41.4010)


def test_listing_filters_by_district(staff, gracia_coop):
    Initiative.objects.create(name="Al Poblenou", longitude=2.2010, latitude=41.4010)
    gracia = District.objects.get(code="06")
    response = staff.get("/admin/snippets/directori/initiative/", {"district": gracia.pk})
    assert response.status_code == 200
    body = response.content.decode()
    assert "Cal Veïnat" in body and "Al Poblenou" not in body


def test_edit_view_shows_where_the_point_is(staff, gracia_coop):
    body = staff.get(f"/admin/snippets/directori/initiative/edit/{gracia_coop.pk}/").content.decode()
    assert '<svg class="city-map"' in body
    assert "Districte: Gràcia · Barri: La Vila de Gràcia" in body  # the admin speaks Catalan


def add_initiative(client, **fields):
    """POST the admin's add form, with the (empty) inline formsets it always carries."""
    inlines = {
        f"{name}-{key}": "0" for name in ("links", "evaluations") for key in ("TOTAL_FORMS", "INITIAL_FORMS")
    }
    return client.post("/admin/snippets/directori/initiative/add/", {**inlines, **fields})


def test_saving_a_draft_in_the_admin_keeps_it_out_of_public_output(staff, boundaries):
    response = add_initiative(staff, name="Nova cooperativa", latitude="41.4010", longitude="2.1574")
    assert response.status_code == 302, response.content.decode()[:2000]
    initiative = Initiative.objects.get(name="Nova cooperativa")
    assert initiative.live is False
    assert initiative.revisions.count() == 1
    assert initiative.district.name == "Gràcia"  # placed on save
    assert not Initiative.objects.live().filter(pk=initiative.pk).exists()


def test_admin_rejects_a_bad_point_with_a_field_error(staff, boundaries):
    response = add_initiative(staff, name="Mal punt", latitude="123", longitude="2.1")
    assert response.status_code == 200
    assert "latitude" in response.context["form"].errors
    assert not Initiative.objects.filter(name="Mal punt").exists()


def upload(name, text, encoding="utf-8"):
    return SimpleUploadedFile(name, text.encode(encoding))


def test_import_view_previews_then_commits(staff, boundaries):
    from directori.models import EssFamily, Sector

    EssFamily.objects.get_or_create(
        slug="cooperativa-de-treball", defaults={"name": "Cooperativa de treball"}
    )
    EssFamily.objects.get_or_create(slug="associacio", defaults={"name": "Associació"})
    for slug in ("textil", "cures", "economia-circular"):
        Sector.objects.get_or_create(slug=slug, defaults={"name": slug})
    response = staff.post(
        "/admin/directori/import/",
        {
            "data_file": upload("e.csv", MESSY_CSV),
            "mapping_file": upload("m.toml", MESSY_MAPPING),
            "partial": "on",
        },
    )
    job_url = response.url
    run_queued_tasks()
    body = staff.get(job_url).content.decode()
    assert "falta el nom" in body and "<td>3</td>" in body  # the report in the admin's language
    assert Initiative.objects.count() == 0, "the preview is a dry run"
    staff.post(job_url)
    run_queued_tasks()
    assert "(desat)" in staff.get(job_url).content.decode()
    assert Initiative.objects.count() == 3
    again = staff.post(job_url)
    assert "ja s'ha fet o ha caducat" in again.context["error"]  # in Catalan, the admin's language
    assert Initiative.objects.count() == 3


def test_import_view_without_partial_offers_no_commit(staff, boundaries):
    response = staff.post(
        "/admin/directori/import/",
        {"data_file": upload("e.csv", MESSY_CSV), "mapping_file": upload("m.toml", MESSY_MAPPING)},
    )
    run_queued_tasks()
    body = staff.get(response.url).content.decode()
    assert "Importa ara" not in body
    assert "importarà res: corregeix" in body  # the reason, in the admin's language


def test_import_view_shows_field_errors(staff):
    response = staff.post(
        "/admin/directori/import/",
        {"data_file": upload("e.pdf", "%PDF"), "mapping_file": upload("m.toml", "[columns\n")},
    )
    errors = response.context["form"].errors
    assert "data_file" in errors and "no és TOML vàlid" in errors["mapping_file"][0]


def test_import_view_is_for_staff_who_may_add_initiatives(client, db):
    user = get_user_model().objects.create_user("visitant", password="x")
    client.force_login(user)
    assert client.get("/admin/directori/import/").status_code in (302, 403)


def test_listing_search_finds_by_name(staff, gracia_coop):
    Initiative.objects.create(name="BiciTaller del Poblenou", longitude=2.2010, latitude=41.4010)
    body = staff.get("/admin/snippets/directori/initiative/", {"q": "bicitaller"}).content.decode()
    assert "BiciTaller del Poblenou" in body and "Cal Veïnat" not in body


def test_staff_without_publish_right_may_import_drafts_only(client, boundaries):
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user("editora", password="x")
    user.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "add_initiative", "change_initiative"])
    )
    client.force_login(user)
    files = {
        "data_file": upload("e.csv", "id,Nom\nE1,Esborrany\n"),
        "mapping_file": upload("m.toml", MAPPING),
    }
    response = client.post("/admin/directori/import/", files)
    assert "draft" in response.context["form"].errors
    files = {
        "data_file": upload("e.csv", "id,Nom\nE1,Esborrany\n"),
        "mapping_file": upload("m.toml", MAPPING),
    }
    response = client.post("/admin/directori/import/", {**files, "draft": "on"})
    run_queued_tasks()
    client.post(response.url)
    run_queued_tasks()
    assert Initiative.objects.get().live is False


MAPPING = '[options]\nsource = "s"\n[columns]\nexternal_id = "id"\nname = "Nom"\n'


def test_listing_runs_a_bounded_number_of_queries(staff, boundaries, django_assert_max_num_queries):
    for i in range(60):
        Initiative.objects.create(name=f"Entitat {i}", longitude=2.16, latitude=41.40)
    with django_assert_max_num_queries(40):
        assert staff.get("/admin/snippets/directori/initiative/").status_code == 200


def test_preview_places_the_point_being_edited(staff, gracia_coop):
    """A draft that moves the point shows where the new point is, not where the live one was."""
    gracia_coop.latitude, gracia_coop.longitude = 41.4010, 2.2010  # el Poblenou
    gracia_coop.save_revision()
    body = staff.get(f"/admin/snippets/directori/initiative/edit/{gracia_coop.pk}/").content.decode()
    assert "Districte: Sant Martí · Barri: El Poblenou" in body

"""Issue 15, point 5: a district office keeps its own district's saved embeds and sees no other
office's; staff see them all. One login per role, through the admin's views (kausal-watch's pattern),
on the seeded demo site (its offices, demo users and one embed per district)."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

import pytest

from directori.models import District, Neighbourhood
from mapa.models import DistrictOffice, MapEmbed

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_city")]

EMBEDS = "/admin/snippets/mapa/mapembed/"


def user(username):
    return get_user_model().objects.get(username=username)


def embed(slug):
    return MapEmbed.objects.get(slug=slug)


def form(district, neighbourhood=None, **changes):
    data = {
        "name": "Mapa del barri",
        "slug": "mapa-del-barri",
        "district": district.pk,
        "neighbourhood": neighbourhood.pk if neighbourhood else "",
        "text": "",
        "height": "520",
        "list_mode": "costat",
        "controls": "on",
        "lock": "on",
        "min_zoom": "",
        "max_zoom": "",
    }
    data.update(changes)
    return data


def test_the_seed_gives_every_district_an_office_a_demo_user_and_its_embed():
    assert DistrictOffice.objects.count() == District.objects.count() == 10
    gracia = District.objects.get(slug="gracia")
    office = Group.objects.get(name="Oficina del districte de Gràcia")
    assert office.district_office.district == gracia
    assert user("districte-gracia").groups.filter(pk=office.pk).exists()
    assert embed("districte-gracia").owner == office
    names = set(Group.objects.exclude(district_office=None).values_list("name", flat=True))
    assert {"Oficina del districte de l'Eixample", "Oficina del districte d'Horta-Guinardó"} <= names
    assert "Oficina del districte de les Corts" in names
    assert user("districte-gracia").check_password(settings.DEMO_PASSWORD)


def test_an_office_lists_only_its_own_embeds_and_staff_list_all(client):
    client.force_login(user("districte-gracia"))
    body = client.get(EMBEDS).content.decode()
    assert "Districte de Gràcia" in body
    assert "Districte de Sants-Montjuïc" not in body and "Districte de Sant Martí" not in body
    client.force_login(user("admin"))
    body = client.get(EMBEDS).content.decode()
    assert "Districte de Gràcia" in body and "Districte de Sant Martí" in body


def test_an_office_edits_its_embed_but_gets_404_for_another_office_s_by_get_and_post(client):
    client.force_login(user("districte-gracia"))
    own, other = embed("districte-gracia"), embed("districte-sant-marti")
    assert client.get(f"{EMBEDS}edit/{own.pk}/").status_code == 200
    for path in ("edit", "delete", "copy", "history", "usage"):
        assert client.get(f"{EMBEDS}{path}/{other.pk}/").status_code == 404, path
    gracia = District.objects.get(slug="gracia")
    posted = client.post(f"{EMBEDS}edit/{other.pk}/", form(gracia, name="Pres", slug=other.slug))
    assert posted.status_code == 404
    assert client.post(f"{EMBEDS}delete/{other.pk}/").status_code == 404
    assert MapEmbed.objects.filter(pk=other.pk).exists()
    bulk = f"/admin/bulk/mapa/mapembed/delete/?next={EMBEDS}&id={other.pk}"
    assert client.post(bulk).status_code == 404
    # the confirmation page neither: not even the name of another office's embed, asked with one's own
    assert client.get(bulk).status_code == 404
    both = client.get(f"{bulk}&id={own.pk}")
    assert both.status_code == 200 and "Districte de Gràcia" in both.content.decode()
    assert "Sant Martí" not in both.content.decode()
    other.refresh_from_db()  # still there, unchanged
    assert (
        other.name == "Districte de Sant Martí" and other.owner.name == "Oficina del districte de Sant Martí"
    )


def test_an_office_s_new_embed_is_its_own_in_its_district_only(client):
    client.force_login(user("districte-gracia"))
    gracia, sant_marti = District.objects.get(slug="gracia"), District.objects.get(slug="sant-marti")
    add = client.get(f"{EMBEDS}add/")
    choices = add.context["form"].fields
    assert list(choices["district"].queryset) == [gracia]
    assert "owner" not in choices
    assert set(choices["neighbourhood"].queryset.values_list("district", flat=True)) == {gracia.pk}
    elsewhere = Neighbourhood.objects.filter(district=sant_marti).first()
    refused = client.post(f"{EMBEDS}add/", form(sant_marti))
    assert refused.status_code == 200 and "district" in refused.context["form"].errors
    refused = client.post(f"{EMBEDS}add/", form(gracia, elsewhere))
    assert refused.status_code == 200 and "neighbourhood" in refused.context["form"].errors
    staff_group = Group.objects.get(name="Oficina del districte de Sant Martí")
    vila = Neighbourhood.objects.filter(district=gracia).first()
    created = client.post(f"{EMBEDS}add/", form(gracia, vila, owner=staff_group.pk))
    assert created.status_code == 302
    new = embed("mapa-del-barri")
    assert (new.district, new.neighbourhood, new.owner.name) == (
        gracia,
        vila,
        "Oficina del districte de Gràcia",
    )
    assert not MapEmbed.objects.filter(owner__name="Oficina del districte de Gràcia", slug="").exists()


def test_staff_choose_any_district_and_which_office_owns_an_embed(client):
    client.force_login(user("admin"))
    sant_marti = District.objects.get(slug="sant-marti")
    office = Group.objects.get(name="Oficina del districte de Sant Martí")
    choices = client.get(f"{EMBEDS}add/").context["form"].fields
    assert choices["district"].queryset.count() == 10
    assert set(choices["owner"].queryset) == set(Group.objects.exclude(district_office=None))
    assert client.post(f"{EMBEDS}add/", form(sant_marti, owner=office.pk)).status_code == 302
    assert embed("mapa-del-barri").owner == office
    client.force_login(user("districte-sant-marti"))
    assert "Mapa del barri" in client.get(EMBEDS).content.decode()


def test_staff_cannot_hand_one_districts_embed_to_another_districts_office(client):
    """Gràcia's office would list an Eixample embed, and its form (Gràcia only) would move it home."""
    client.force_login(user("admin"))
    eixample = District.objects.get(slug="eixample")
    gracia_office = Group.objects.get(name="Oficina del districte de Gràcia")
    answer = client.post(f"{EMBEDS}add/", form(eixample, owner=gracia_office.pk))
    assert answer.status_code == 200 and not MapEmbed.objects.filter(slug="mapa-del-barri").exists()
    assert answer.context["form"].errors["owner"] == [
        "Una oficina té cura dels mapes del seu propi districte: tria aquest districte."
    ]
    assert client.post(f"{EMBEDS}add/", form(eixample)).status_code == 302  # staff's own: any district


def test_the_embed_chooser_offers_an_office_its_own_embeds_only(client):
    client.force_login(user("districte-gracia"))
    listed = client.get("/admin/snippets/choose/mapa/mapembed/").json()["html"]
    assert "Districte de Gràcia" in listed and "Districte de Sant Martí" not in listed
    searched = client.get(
        "/admin/snippets/choose/mapa/mapembed/results/", {"q": "Districte"}
    ).content.decode()
    assert "Districte de Gràcia" in searched and "Districte de Sant Martí" not in searched
    other, own = embed("districte-sant-marti"), embed("districte-gracia")
    assert client.get(f"/admin/snippets/choose/mapa/mapembed/chosen/{other.pk}/").status_code == 404
    assert client.get(f"/admin/snippets/choose/mapa/mapembed/chosen/{own.pk}/").status_code == 200
    client.force_login(user("admin"))
    assert "Districte de Sant Martí" in client.get("/admin/snippets/choose/mapa/mapembed/").json()["html"]


def test_the_site_history_shows_an_office_its_own_embeds_edits_only(client):
    """Wagtail's report lists a model's log entries to anyone with a right on the model."""
    sant_marti, other = District.objects.get(slug="sant-marti"), Client()  # its own session and messages
    other.force_login(user("districte-sant-marti"))
    assert other.post(f"{EMBEDS}add/", form(sant_marti, name="Mapa secret de Sant Martí")).status_code == 302
    client.force_login(user("districte-gracia"))
    gracia = District.objects.get(slug="gracia")
    assert (
        client.post(f"{EMBEDS}add/", form(gracia, name="Mapa obert de Gràcia", slug="obert")).status_code
        == 302
    )
    for path in ("/admin/reports/site-history/", "/admin/reports/site-history/results/"):
        page = client.get(path)
        assert page.status_code == 200
        assert "Mapa obert de Gràcia" in page.content.decode()
        assert "Mapa secret de Sant Martí" not in page.content.decode(), path
    client.force_login(user("admin"))
    assert "Mapa secret de Sant Martí" in client.get("/admin/reports/site-history/").content.decode()

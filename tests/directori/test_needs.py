"""Need words: the seeded vocabulary, `interpret()` reading needs and places out of a query, and the
admin snippet (an edit works at once; bad input gets field errors)."""

from django.contrib.auth import get_user_model
from django.urls import reverse

from wagtail.users.models import UserProfile

import pytest

from directori.models import EssFamily, NeedWord, Sector
from directori.needs import interpret
from directori.seed import FAMILIES, SECTORS
from directori.vocabulary import seed_need_words

pytestmark = pytest.mark.django_db


@pytest.fixture
def vocabulary(boundaries):
    for slug, name, name_es, name_en in FAMILIES:
        EssFamily.objects.create(slug=slug, name=name, name_es=name_es, name_en=name_en)
    for slug, code, name, name_es, name_en in SECTORS:
        Sector.objects.create(slug=slug, code=code, name=name, name_es=name_es, name_en=name_en)
    seed_need_words()


@pytest.fixture
def admin(client):
    """Strategy staff, with the admin in English (the messages below are the source strings)."""
    user = get_user_model().objects.create_superuser("staff", "staff@example.org", "x")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    return client


def sectors_of(reading):
    slugs = dict(Sector.objects.values_list("pk", "slug"))
    return {slugs[pk] for _, need in reading.needs for pk in need.sectors}


def test_the_seeded_vocabulary_covers_every_sector_in_three_languages(vocabulary):
    assert NeedWord.objects.count() >= 150
    for sector in Sector.objects.all():
        languages = set(NeedWord.objects.filter(sectors=sector).values_list("language", flat=True))
        assert languages == {"ca", "es", "en"}, sector.slug
    # Seeding again adds nothing and keeps what staff changed.
    word = NeedWord.objects.get(text="fruita", language="ca")
    word.synonyms = "poma"
    word.save()
    assert seed_need_words() == 0
    assert NeedWord.objects.get(pk=word.pk).synonyms == "poma"


@pytest.mark.parametrize(
    ("text", "sectors"),
    [
        ("fruita", {"agroecologia"}),
        ("Verdures", {"agroecologia"}),
        ("préstecs", {"finances-etiques"}),
        ("plaques solars", {"transicio-energetica"}),
        ("gent gran", {"cures"}),
        ("vivienda", {"habitatge"}),
        ("finanzas éticas", {"finances-etiques"}),
        ("housing", {"habitatge"}),
        ("ethical finance", {"finances-etiques"}),
        ("organic food", {"agroecologia"}),
        ("Transición energética", {"transicio-energetica"}),
    ],
)
def test_need_words_and_sector_names_in_any_language_point_to_their_sectors(vocabulary, text, sectors):
    reading = interpret(text)
    assert sectors_of(reading) == sectors
    assert len(reading.needs) == 1  # a phrase is one need
    assert reading.free == []


def test_kind_words_point_to_families(vocabulary):
    cooperatives = set(EssFamily.objects.filter(slug__startswith="cooperativa").values_list("pk", flat=True))
    for text in ("cooperativa", "cooperatives", "co-op"):
        (_, need), *_ = interpret(text).needs
        assert need.families == cooperatives, text
    (_, need), *_ = interpret("fundación").needs
    assert need.families == {EssFamily.objects.get(slug="fundacio").pk}


@pytest.mark.parametrize(
    ("text", "neighbourhoods", "districts", "words"),
    [
        ("Sants", ["sants"], [], []),
        ("fruita Sants", ["sants"], [], ["fruita"]),
        ("verdura cooperativa Sants", ["sants"], [], ["verdura", "cooperativa"]),
        ("el raval", ["el-raval"], [], []),
        ("habitatge al Raval", ["el-raval"], [], ["habitatge"]),
        ("gracia", [], ["gracia"], []),
        ("habitatge a GRÀCIA", [], ["gracia"], ["habitatge"]),
        ("Sant Andreu", ["sant-andreu"], [], []),
        ("Sants-Montjuïc", [], ["sants-montjuic"], []),
        ("sant pere santa caterina", [], [], ["sant", "pere", "santa", "caterina"]),
        ("la Salut", ["la-salut"], [], []),
        ("salut", [], [], ["salut"]),  # a need without capital or article, not the neighbourhood
        ("horta urbana", [], [], ["horta", "urbana"]),
        ("fruita a Horta", ["horta"], [], ["fruita"]),
    ],
)
def test_places_are_whole_names_taken_out_of_the_words(vocabulary, text, neighbourhoods, districts, words):
    reading = interpret(text)
    assert reading.neighbourhoods == neighbourhoods
    assert reading.districts == districts
    assert reading.words == words


def test_a_neighbourhood_named_like_its_district_wins_and_knows_its_district(vocabulary):
    reading = interpret("roba Sants")
    assert reading.neighbourhoods == ["sants"]
    assert reading.place_names["sants-montjuic"] == "Sants-Montjuïc"


@pytest.mark.parametrize(
    "text",
    [
        "bici a prop de la Sagrada Família",
        "bicicleta cerca de la Sagrada Familia",
        "bike near Sagrada Familia",
    ],
)
def test_near_a_neighbourhood_sorts_rather_than_filters(vocabulary, text):
    reading = interpret(text)
    assert reading.near == "la-sagrada-familia"
    assert reading.neighbourhoods == []
    assert sectors_of(reading) == {"mobilitat"}
    assert reading.free == []


def test_related_words_share_a_sector_in_the_language_typed(vocabulary):
    related = interpret("fruita").related
    assert related and "fruita" not in related
    words = NeedWord.objects.filter(text__in=related)
    assert all(w.language == "ca" and w.sectors.filter(slug="agroecologia").exists() for w in words)
    assert interpret("xyzzy").related == []


def test_a_word_added_in_the_admin_works_at_once(vocabulary, admin):
    assert interpret("xocolata").free == ["xocolata"]
    response = admin.post(
        reverse("wagtailsnippets_directori_needword:add"),
        {
            "text": "Xocolata",
            "language": "ca",
            "synonyms": "cacau",
            "sectors": [Sector.objects.get(slug="consum").pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    for text in ("xocolata", "cacau"):
        assert sectors_of(interpret(text)) == {"consum"}
    word = NeedWord.objects.get(key="xocolata")
    response = admin.post(
        reverse("wagtailsnippets_directori_needword:edit", args=[word.pk]),
        {
            "text": "Xocolata",
            "language": "ca",
            "synonyms": "",
            "sectors": [Sector.objects.get(slug="cultura").pk],
        },
    )
    assert response.status_code == 302
    assert sectors_of(interpret("xocolata")) == {"cultura"}
    assert interpret("cacau").needs == []


def test_renaming_a_sector_in_the_admin_is_read_at_once(vocabulary):
    assert interpret("vivenda").needs == []
    Sector.objects.filter(slug="habitatge").update(name_es="Vivenda")
    assert sectors_of(interpret("vivenda")) == {"habitatge"}


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"text": "  ", "sectors": "consum"}, "text", "This field is required."),
        ({"text": "¿?", "sectors": "consum"}, "text", "Write a word or a few words"),
        ({"text": "Fruità", "sectors": "consum"}, "text", "already exists in this language"),
        ({"text": "avellanes"}, "sectors", "Choose at least one sector"),
    ],
)
def test_the_form_rejects_bad_words_with_field_errors(vocabulary, admin, data, field, message):
    data = {"language": "ca", **data}
    if "sectors" in data:
        data["sectors"] = [Sector.objects.get(slug=data["sectors"]).pk]
    with_english = admin.post(
        reverse("wagtailsnippets_directori_needword:add"), data, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert with_english.status_code == 200
    errors = with_english.context["form"].errors
    assert field in errors and any(message in e for e in errors[field]), errors
    assert not NeedWord.objects.filter(text=data["text"].strip()).exists() or data["text"] == "Fruità"


def test_the_same_word_in_another_language_is_allowed(vocabulary, admin):
    response = admin.post(
        reverse("wagtailsnippets_directori_needword:add"),
        {"text": "fruita", "language": "es", "sectors": [Sector.objects.get(slug="agroecologia").pk]},
    )
    assert response.status_code == 302


def test_the_vocabulary_is_in_the_directory_menu(vocabulary, admin):
    body = admin.get(reverse("wagtailsnippets_directori_needword:list")).content.decode()
    assert "agricultura" in body  # the first words, alphabetically
    found = admin.get(reverse("wagtailsnippets_directori_needword:list"), {"q": "plaques"}).content.decode()
    assert "plaques solars" in found and "agricultura" not in found
    assert (
        reverse("wagtailsnippets_directori_needword:list")
        in admin.get(reverse("wagtailadmin_home")).content.decode()
    )

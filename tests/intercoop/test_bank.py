"""The bank of collaborations (issue 17, point 2): the public listing and its filters, an initiative's
offers and needs in its space (form, rate limit, withdraw), expiry reminders, and staff hiding posts;
with who may reach each view, by GET and by POST."""

import json
import re
from datetime import timedelta
from io import StringIO

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

import pytest

from directori.boundaries import save_boundaries
from directori.models import District, NeedWord, Neighbourhood
from intercoop import limits
from intercoop.models import ModerationAction, Post
from mapa.models import Layer
from tests.factories import InitiativeFactory, PostFactory, SectorFactory, member

pytestmark = pytest.mark.django_db
TODAY = timezone.localdate


def listing(client, query="", language="ca"):
    return client.get(f"/{language}/collaboracions/{query}")


def titles(response):
    return [post.title for post in response.context["page"].object_list]


@pytest.fixture
def areas(boundary_data):
    """The real districts and neighbourhoods (data/boundaries): Sants-Montjuïc, Gràcia and Sants."""
    save_boundaries(boundary_data)
    sants = District.objects.get(slug="sants-montjuic")
    return sants, District.objects.get(slug="gracia"), Neighbourhood.objects.get(slug="sants")


# -- the public listing ---------------------------------------------------------------------------


@pytest.fixture
def bank(areas):
    """Four listed posts across directions, kinds, sectors and districts, and one expired, one hidden."""
    sants, gracia, barri = areas
    textil, cultura = (
        SectorFactory(slug="textil", name="Tèxtil"),
        SectorFactory(slug="cultura", name="Cultura"),
    )
    PostFactory(
        title="Sala per a tallers i formacions",
        direction="offer",
        kind="space",
        neighbourhood=barri,
        sectors=[cultura],
        created_at=timezone.now() - timedelta(days=1),
    )
    PostFactory(
        title="Necessitem màquines de cosir",
        direction="need",
        kind="equipment",
        district=gracia,
        sectors=[textil],
        created_at=timezone.now() - timedelta(days=2),
    )
    PostFactory(
        title="Assessorament en licitacions",
        direction="offer",
        kind="knowledge",
        sectors=[textil, cultura],
        created_at=timezone.now() - timedelta(days=3),
    )
    PostFactory(
        title="Voluntariat per a la festa",
        direction="need",
        kind="volunteering",
        district=sants,
        created_at=timezone.now() - timedelta(days=4),
    )
    PostFactory(title="Oferta caducada", direction="offer", valid_until=TODAY() - timedelta(days=1))
    PostFactory(title="Oferta amagada", direction="offer", hidden_at=timezone.now())
    return areas


def test_the_listing_shows_listed_posts_only_newest_first_with_their_links(client, bank):
    response = listing(client)
    assert titles(response) == [
        "Sala per a tallers i formacions",
        "Necessitem màquines de cosir",
        "Assessorament en licitacions",
        "Voluntariat per a la festa",
    ]
    post = Post.objects.get(title="Sala per a tallers i formacions")
    html = response.content.decode()
    assert f'href="/ca/collaboracions/{post.slug}/"' in html
    assert "Oferta caducada" not in html and "Oferta amagada" not in html
    assert "4 ofertes i necessitats" in html


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("?sentit=oferta", ["Sala per a tallers i formacions", "Assessorament en licitacions"]),
        ("?sentit=necessitat", ["Necessitem màquines de cosir", "Voluntariat per a la festa"]),
        ("?tipus=equipament", ["Necessitem màquines de cosir"]),
        (
            "?tipus=espai&tipus=coneixement",
            ["Sala per a tallers i formacions", "Assessorament en licitacions"],
        ),
        ("?sector=textil", ["Necessitem màquines de cosir", "Assessorament en licitacions"]),
        ("?districte=sants-montjuic", ["Sala per a tallers i formacions", "Voluntariat per a la festa"]),
        ("?districte=gracia", ["Necessitem màquines de cosir"]),
        ("?sentit=oferta&sector=cultura&districte=sants-montjuic", ["Sala per a tallers i formacions"]),
        ("?sentit=necessitat&sector=cultura", []),
        ("?q=cosir", ["Necessitem màquines de cosir"]),
        ("?q=licitacio", ["Assessorament en licitacions"]),  # without the accent, by its stem
        ("?q=tallers&sentit=necessitat", []),
    ],
)
def test_each_filter_and_their_combinations(client, bank, query, expected):
    assert titles(listing(client, query)) == expected


def test_a_need_word_finds_posts_of_its_sectors_and_a_place_in_the_text_keeps_its_district(client, bank):
    roba = NeedWord.objects.create(text="roba", language="ca")
    roba.sectors.set([SectorFactory(slug="textil")])
    # "roba" is in no title: it finds the posts of the textile sector
    assert titles(listing(client, "?q=roba")) == [
        "Necessitem màquines de cosir",
        "Assessorament en licitacions",
    ]
    # "Sants" is a place: posts of its district, and of the whole city
    assert titles(listing(client, "?q=tallers+a+Sants")) == ["Sala per a tallers i formacions"]
    # a kind's name in any language finds its posts: "espai" is not in the title, the post is a space
    assert titles(listing(client, "?q=espai+per+a+tallers+a+Sants")) == ["Sala per a tallers i formacions"]
    # and the words people use for a kind: "un local" is a space
    assert titles(listing(client, "?q=local+per+a+tallers+a+Sants")) == ["Sala per a tallers i formacions"]
    assert titles(listing(client, "?q=equipment")) == ["Necessitem màquines de cosir"]
    assert titles(listing(client, "?q=roba+a+Sants")) == ["Assessorament en licitacions"]


def test_the_filters_count_what_each_choice_would_give(client, bank):
    facets = {f["param"]: f for f in listing(client, "?sentit=oferta").context["facets"]}
    directions = {o["value"]: (o["count"], o["selected"]) for o in facets["sentit"]["options"]}
    assert directions == {"oferta": (2, True), "necessitat": (2, False)}  # its own filter cleared
    sectors = {o["value"]: o["count"] for o in facets["sector"]["options"]}
    assert sectors == {"cultura": 2, "textil": 1}  # offers only
    districts = {o["value"]: o["count"] for o in facets["districte"]["options"]}
    assert districts == {"sants-montjuic": 1}


@pytest.mark.parametrize(
    "query",
    [
        "?sentit=res",
        "?tipus=<script>",
        "?sector=no-existeix",
        "?districte=marte",
        "?pagina=-4",
        "?pagina=zzz",
        "?q=" + "a" * 5000,
        "?sentit=oferta&sentit=oferta",
    ],
)
def test_bad_values_never_fail(client, bank, query):
    response = listing(client, query)
    assert response.status_code == 200
    assert "<script>" not in response.content.decode().split("<main", 1)[-1].replace("&lt;script&gt;", "")


def test_a_null_character_is_refused_with_400_not_500(client, bank):
    response = listing(client, "?q=%00%ff")
    assert response.status_code == 400


def test_the_listing_paginates_and_keeps_the_filters(client, areas):
    for n in range(23):
        PostFactory(
            title=f"Oferta {n:02}", direction="offer", created_at=timezone.now() - timedelta(minutes=n)
        )
    first = listing(client, "?sentit=oferta")
    assert len(titles(first)) == 20
    assert "?sentit=oferta&amp;pagina=2" in first.content.decode()
    assert titles(listing(client, "?sentit=oferta&pagina=2")) == ["Oferta 20", "Oferta 21", "Oferta 22"]


@pytest.mark.parametrize(
    ("language", "heading"),
    [("ca", "Banc de col·laboracions"), ("es", "Banco de colaboraciones"), ("en", "Bank of collaborations")],
)
def test_the_listing_speaks_each_language_and_is_in_the_main_navigation(client, areas, language, heading):
    html = listing(client, language=language).content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert f'href="/{language}/collaboracions/"' in html.split("</header>")[0]


def test_the_listing_links_the_banks_open_data(client, areas):
    html = listing(client).content.decode()
    for name in ("agreements_csv", "agreements_jsonld", "murmurations", "valueflows"):
        assert f'href="{reverse(f"intercoop:{name}")}"' in html


def test_titles_and_names_are_escaped_in_the_listing(client, areas):
    PostFactory(title="<b>Taller</b>", initiative=InitiativeFactory(name="Coop <i>X</i>"))
    html = listing(client).content.decode()
    assert "&lt;b&gt;Taller&lt;/b&gt;" in html and "Coop &lt;i&gt;X&lt;/i&gt;" in html
    assert "<b>Taller</b>" not in html


def test_the_listing_costs_the_same_queries_for_more_posts(client, areas, django_assert_max_num_queries):
    sector = SectorFactory(slug="textil")
    for _n in range(3):
        PostFactory(district=areas[1], sectors=[sector])
    listing(client)  # the need vocabulary and the session, once
    with django_assert_max_num_queries(20) as few:
        listing(client)
    for _n in range(15):
        PostFactory(district=areas[0], sectors=[sector])
    with django_assert_max_num_queries(len(few.captured_queries)):
        listing(client)


# -- an initiative's offers and needs in its space ------------------------------------------------


def space(initiative, rest=""):
    return f"/ca/espai/{initiative.slug}/ofertes/{rest}"


def valid_form(**changes):
    form = {
        "direction": "offer",
        "kind": "space",
        "title": "Sala per a tallers",
        "description": "Una sala de 40 m² amb cadires.",
        "where": "barri:sants",
        "valid_until": (TODAY() + timedelta(days=30)).isoformat(),
        "quantity": "Dues tardes per setmana",
    }
    form.update(changes)
    return form


@pytest.fixture
def owner(db):
    initiative = InitiativeFactory(name="Ateneu de Sants")
    user = member(initiative, "owner")
    return initiative, user


def test_an_owner_publishes_an_offer_in_a_neighbourhood_and_it_is_listed(client, areas, owner):
    initiative, user = owner
    sector = SectorFactory(slug="cultura", name="Cultura")
    client.force_login(user)
    form = client.get(space(initiative, "nova/")).content.decode()
    assert "<legend>Sectors</legend>" in form and 'type="checkbox" name="sectors"' in form
    assert '<optgroup label="Sants-Montjuïc">' in form and 'value="barri:sants"' in form
    in_90_days = (timezone.localdate() + timedelta(days=90)).isoformat()
    assert f'name="valid_until" value="{in_90_days}"' in form  # a date proposed: the field is required
    response = client.post(space(initiative, "nova/"), valid_form(sectors=[sector.pk]))
    assert response.status_code == 302 and response["Location"] == space(initiative)
    post = Post.objects.get()
    assert (post.initiative, post.created_by, post.direction, post.kind) == (
        initiative,
        user,
        "offer",
        "space",
    )
    assert (post.neighbourhood.slug, post.district.slug) == ("sants", "sants-montjuic")
    assert list(post.sectors.all()) == [sector]
    assert titles(listing(client, "?districte=sants-montjuic&sector=cultura")) == ["Sala per a tallers"]
    page = client.get(space(initiative)).content.decode()
    assert "Sala per a tallers" in page and "Publicada. Caduca el" in page


def test_the_whole_city_is_the_default_place(client, areas, owner):
    initiative, user = owner
    client.force_login(user)
    client.post(space(initiative, "nova/"), valid_form(where=""))
    post = Post.objects.get()
    assert post.district is None and post.neighbourhood is None


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"title": ""}, "title", "Aquest camp és obligatori"),
        ({"direction": "regal"}, "direction", "Tria una opció vàlida."),
        ({"kind": "diners"}, "kind", "Tria una opció vàlida."),
        ({"where": "barri:marte"}, "where", "Tria una opció vàlida."),
        ({"where": "<script>"}, "where", "Tria una opció vàlida."),
        ({"valid_until": "2020-01-01"}, "valid_until", "La data no pot ser passada."),
        ({"valid_until": "demà"}, "valid_until", "Escriu una data vàlida."),
        (
            {"valid_until": (TODAY() + timedelta(days=400)).isoformat()},
            "valid_until",
            "com a molt",
        ),
        ({"sectors": ["99999"]}, "sectors", "99999"),
        ({"description": "x" * 4001}, "description", "4000"),
    ],
)
def test_bad_input_shows_field_errors_linked_from_a_summary(client, areas, owner, changes, field, message):
    initiative, user = owner
    client.force_login(user)
    response = client.post(space(initiative, "nova/"), valid_form(**changes))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error:" in html
    assert 'id="error-summary"' in html
    assert f'id="id_{field}_error"' in html
    assert message in html
    assert not Post.objects.exists()


def test_an_account_may_publish_a_limited_number_a_day_then_429(client, areas, owner):
    initiative, user = owner
    client.force_login(user)
    for n in range(limits.POSTS_PER_DAY):
        assert client.post(space(initiative, "nova/"), valid_form(title=f"Oferta {n}")).status_code == 302
    response = client.post(space(initiative, "nova/"), valid_form(title="Una més"))
    assert response.status_code == 429
    assert "Avui ja has publicat 10 ofertes i necessitats" in response.content.decode()
    assert Post.objects.count() == limits.POSTS_PER_DAY
    # a day later the account may post again
    Post.objects.update(created_at=timezone.now() - timedelta(days=1, minutes=1))
    assert client.post(space(initiative, "nova/"), valid_form(title="Una més")).status_code == 302


def test_editing_keeps_the_place_and_a_new_date_earns_a_new_reminder(client, areas, owner):
    initiative, user = owner
    post = PostFactory(initiative=initiative, neighbourhood=areas[2], reminded_at=timezone.now())
    client.force_login(user)
    html = client.get(space(initiative, f"{post.slug}/")).content.decode()
    assert '<option value="barri:sants" selected>' in html
    later = (TODAY() + timedelta(days=200)).isoformat()
    response = client.post(
        space(initiative, f"{post.slug}/"), valid_form(title="Sala gran", valid_until=later)
    )
    assert response.status_code == 302
    post.refresh_from_db()
    assert (post.title, post.valid_until.isoformat(), post.reminded_at) == ("Sala gran", later, None)


def test_withdrawing_ends_the_post_and_keeps_it(client, areas, owner):
    initiative, user = owner
    post = PostFactory(initiative=initiative)
    client.force_login(user)
    assert client.get(space(initiative, f"{post.slug}/retira/")).status_code == 405
    response = client.post(space(initiative, f"{post.slug}/retira/"))
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.valid_until < TODAY()
    assert titles(listing(client)) == []
    assert client.get(f"/ca/collaboracions/{post.slug}/").status_code == 404
    assert "Va caducar el" in client.get(space(initiative)).content.decode()


def test_the_space_shows_each_state_and_the_reason_staff_gave(client, areas, owner):
    initiative, user = owner
    PostFactory(initiative=initiative, title="Vigent", valid_until=TODAY() + timedelta(days=3))
    PostFactory(initiative=initiative, title="Caducada", valid_until=TODAY() - timedelta(days=3))
    hidden = PostFactory(initiative=initiative, title="Amagada", hidden_at=timezone.now())
    ModerationAction.objects.create(action="hide_post", post=hidden, reason="Anunci <b>comercial</b>.")
    PostFactory(title="D'una altra iniciativa")
    client.force_login(user)
    html = client.get(space(initiative)).content.decode()
    assert "Vigent" in html and "Publicada. Caduca el" in html
    assert "Caducada" in html and "Va caducar el" in html
    assert "Amagada per l'equip del web." in html and "Anunci &lt;b&gt;comercial&lt;/b&gt;." in html
    assert "D'una altra iniciativa" not in html


def test_an_initiative_edits_only_its_own_posts(client, areas, owner):
    initiative, user = owner
    other = PostFactory(title="D'una altra")
    client.force_login(user)
    assert client.get(space(initiative, f"{other.slug}/")).status_code == 404
    assert client.post(space(initiative, f"{other.slug}/"), valid_form()).status_code == 404
    assert client.post(space(initiative, f"{other.slug}/retira/")).status_code == 404
    other.refresh_from_db()
    assert other.title == "D'una altra" and other.valid_until > TODAY()


# -- expiry reminders -----------------------------------------------------------------------------


def test_reminders_go_once_a_week_ahead_to_the_members_in_the_space_language(areas):
    ca = InitiativeFactory(name="Coop Catalana")
    es = InitiativeFactory(name="Coop Castellana")
    member(ca, "owner"), member(ca, "editor")
    member(es, "owner")
    es.space.language = "es"
    es.space.save()
    soon = PostFactory(initiative=ca, title="Sala <b>petita</b>", valid_until=TODAY() + timedelta(days=7))
    PostFactory(initiative=es, title="Furgoneta", valid_until=TODAY() + timedelta(days=2))
    PostFactory(initiative=ca, title="Encara lluny", valid_until=TODAY() + timedelta(days=8))
    PostFactory(
        initiative=ca, title="Amagada", valid_until=TODAY() + timedelta(days=2), hidden_at=timezone.now()
    )
    PostFactory(initiative=ca, title="Caducada", valid_until=TODAY() - timedelta(days=1))
    out = StringIO()
    call_command("remind_expiring_posts", language="ca", stdout=out)
    assert out.getvalue().strip() == "2 recordatoris enviats."
    catalan_subject = "«Sala <b>petita</b>» caduca d'aquí a pocs dies"
    assert sorted((m.subject, m.to) for m in mail.outbox if m.subject == catalan_subject) == [
        (catalan_subject, ["coop-catalana-editor@example.org"]),  # one e-mail per person
        (catalan_subject, ["coop-catalana-owner@example.org"]),
    ]
    assert len(mail.outbox) == 3
    by_subject = {m.subject: m for m in mail.outbox}
    catalan = by_subject[catalan_subject]
    assert "Hola, persones de Coop Catalana:" in catalan.body
    assert "«Sala <b>petita</b>»" in catalan.body  # plain text: nothing escaped
    assert f"/ca/espai/{ca.slug}/ofertes/{soon.slug}/" in catalan.body
    spanish = by_subject["«Furgoneta» caduca en pocos días"]
    assert (
        "Hola, personas de Coop Castellana:" in spanish.body
        and f"/es/espai/{es.slug}/ofertes/" in spanish.body
    )
    # once per post: a rerun sends nothing
    out = StringIO()
    call_command("remind_expiring_posts", language="en", stdout=out)
    assert out.getvalue().strip() == "0 reminders sent."
    assert len(mail.outbox) == 3


# -- staff hide and show posts --------------------------------------------------------------------


@pytest.fixture
def moderator(db):
    user = get_user_model().objects.create_user("moderadora", "m@example.org", "x")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def test_a_moderator_hides_a_post_with_a_reason_and_shows_it_again(client, areas, moderator, owner):
    initiative, user = owner
    post = PostFactory(initiative=initiative, title="Venda de pisos", district=areas[0])
    client.force_login(moderator)
    listing_html = client.get("/admin/snippets/intercoop/post/").content.decode()
    assert "Venda de pisos" in listing_html and f"/admin/intercoop/post/{post.pk}/hide/" in listing_html
    response = client.post(f"/admin/intercoop/post/{post.pk}/hide/", {"reason": "   "})
    assert response.status_code == 200 and "reason" in response.context["form"].errors
    assert not Post.objects.get().hidden_at
    response = client.post(f"/admin/intercoop/post/{post.pk}/hide/", {"reason": "Anunci comercial."})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.hidden_at
    action = ModerationAction.objects.get()
    assert (action.action, action.reason, action.post, action.staff) == (
        "hide_post",
        "Anunci comercial.",
        post,
        moderator,
    )
    assert titles(listing(client)) == []
    assert client.get(f"/ca/collaboracions/{post.slug}/").status_code == 404
    client.force_login(user)
    assert "Anunci comercial." in client.get(space(initiative)).content.decode()
    client.force_login(moderator)
    client.post(f"/admin/intercoop/post/{post.pk}/show/", {"reason": "Revisat amb la iniciativa."})
    post.refresh_from_db()
    assert post.hidden_at is None
    assert ModerationAction.objects.filter(action="show_post", reason="Revisat amb la iniciativa.").exists()
    assert titles(listing(client)) == ["Venda de pisos"]


def test_the_admin_edit_form_cannot_hide_a_post_without_a_reason(admin_client, areas):
    post = PostFactory()
    form = admin_client.get(f"/admin/snippets/intercoop/post/edit/{post.pk}/").content.decode()
    assert 'name="title"' in form and 'name="hidden_at"' not in form and 'name="created_by"' not in form


def test_people_who_are_not_staff_cannot_hide_posts(client, areas, owner):
    initiative, user = owner
    post = PostFactory(initiative=initiative)
    for who in (None, user):
        client.logout()
        if who:
            client.force_login(who)
        response = client.post(f"/admin/intercoop/post/{post.pk}/hide/", {"reason": "No."})
        assert response.status_code in (302, 403)
        assert response.status_code == 403 or "/admin/login/" in response["Location"]
    post.refresh_from_db()
    assert post.hidden_at is None and not ModerationAction.objects.exists()


# -- who may reach each view ----------------------------------------------------------------------

ROLES = ("anonymous", "owner", "editor", "other initiative", "table member", "moderator", "staff")


@pytest.fixture
def people(areas, owner, moderator):
    """One person of each role; the post belongs to `owner`'s initiative."""
    initiative, owner_user = owner
    users = get_user_model().objects
    table = Group.objects.create(name="Taula sectorial: Cultura")
    table_member = users.create_user("taula", "taula@example.org", "x")
    table_member.groups.add(table)
    return {
        "anonymous": None,
        "owner": owner_user,
        "editor": member(initiative, "editor"),
        "other initiative": member(InitiativeFactory(name="Una altra coop"), "owner"),
        "table member": table_member,
        "moderator": moderator,
        "staff": users.create_superuser("admin-bank", "admin@example.org", "x"),
    }


def views(initiative, post):
    """(method, address, data) of every view of this part in an initiative's space."""
    return [
        ("get", space(initiative), None),
        ("get", space(initiative, "nova/"), None),
        ("post", space(initiative, "nova/"), valid_form(title="Nova")),
        ("get", space(initiative, f"{post.slug}/"), None),
        ("post", space(initiative, f"{post.slug}/"), valid_form(title="Canviada")),
        ("post", space(initiative, f"{post.slug}/retira/"), None),
    ]


@pytest.mark.parametrize("role", ROLES)
def test_only_the_initiative_s_people_reach_its_posts_in_its_space(client, people, owner, role):
    initiative, _owner = owner
    post = PostFactory(initiative=initiative, title="Original")
    user = people[role]
    if user is None:
        login = reverse("intercoop:login")
    else:
        client.force_login(user)
    for method, address, data in views(initiative, post):
        response = getattr(client, method)(address, data or {})
        if role in ("owner", "editor"):
            assert response.status_code in (200, 302), (method, address)
            if response.status_code == 302:
                assert response["Location"] == space(initiative)
        elif user is None:
            assert response.status_code == 302 and response["Location"].startswith(login), address
        else:
            assert response.status_code == 404, (role, method, address)
    post.refresh_from_db()
    if role in ("owner", "editor"):
        assert Post.objects.filter(title="Nova").exists() and post.title == "Canviada"
    else:
        assert post.title == "Original" and post.valid_until > TODAY() and Post.objects.count() == 1


@pytest.mark.parametrize("role", ROLES)
def test_the_public_listing_is_the_same_for_everyone(client, people, role, bank):
    if people[role]:
        client.force_login(people[role])
    assert len(titles(listing(client))) == 4
    assert client.post("/ca/collaboracions/").status_code in (403, 405)


@pytest.mark.parametrize(("role", "allowed"), [(r, r in ("moderator", "staff")) for r in ROLES])
def test_only_staff_hide_posts(client, people, owner, role, allowed):
    initiative, _owner = owner
    post = PostFactory(initiative=initiative)
    if people[role]:
        client.force_login(people[role])
    get = client.get(f"/admin/intercoop/post/{post.pk}/hide/")
    response = client.post(f"/admin/intercoop/post/{post.pk}/hide/", {"reason": "Motiu."})
    post.refresh_from_db()
    if allowed:
        assert get.status_code == 200 and response.status_code == 302 and post.hidden_at
    else:
        assert get.status_code in (302, 403) and response.status_code in (302, 403)
        assert post.hidden_at is None and not ModerationAction.objects.exists()


# -- the map layer "Ofertes i necessitats" --------------------------------------------------------

LAYER = "ofertes-i-necessitats"


@pytest.fixture
def posts_layer(areas):
    """The layer as the demo seeds it (mapa/seed.py), one of the kind staff may add in the admin."""
    return Layer.objects.create(
        slug=LAYER,
        name="Ofertes i necessitats",
        name_es="Ofertas y necesidades",
        name_en="Offers and needs",
        kind=Layer.Kind.POSTS,
        colour="#c2185b",
    )


def map_config(body):
    found = re.search(r'<script id="map-config" type="application/json">(.*?)</script>', body)
    return json.loads(found.group(1))


def test_the_map_layer_draws_listed_posts_at_their_initiatives_points(client, posts_layer):
    placed = InitiativeFactory(name="Coop <b>Sants</b>", longitude=2.1350, latitude=41.3750)
    nowhere = InitiativeFactory(name="Sense adreça", longitude=None, latitude=None)
    offer = PostFactory(initiative=placed, title="Sala <script>alert(1)</script>", direction="offer")
    need = PostFactory(initiative=placed, title="Furgoneta", direction="need", kind="equipment")
    PostFactory(initiative=nowhere, title="Sense punt")
    PostFactory(initiative=placed, title="Amagada", hidden_at=timezone.now())
    PostFactory(initiative=placed, title="Caducada", valid_until=TODAY() - timedelta(days=1))
    response = client.get(f"/ca/mapa/capes/{LAYER}.geojson")
    assert response.status_code == 200 and response["Content-Type"] == "application/geo+json"
    data = json.loads(response.content)
    assert data["name"] == "Ofertes i necessitats" and data["unplaced"] == 1
    by_name = {f["properties"]["name"]: f for f in data["features"]}
    assert set(by_name) == {"Sala <script>alert(1)</script>", "Furgoneta"}  # data; map.js writes it as text
    sala = by_name["Sala <script>alert(1)</script>"]
    assert sala["geometry"] == {"type": "Point", "coordinates": [2.135, 41.375]}
    assert sala["properties"] == {
        "name": "Sala <script>alert(1)</script>",
        "url": f"/ca/collaboracions/{offer.slug}/",
        "direction": "offer",
        "post": "Oferta · Espai",
        "initiative": "Coop <b>Sants</b>",
        "initiative_url": f"/ca/directori/iniciativa/{placed.slug}/",
    }
    assert by_name["Furgoneta"]["properties"]["direction"] == "need"
    assert by_name["Furgoneta"]["properties"]["url"] == f"/ca/collaboracions/{need.slug}/"
    spanish = json.loads(client.get(f"/es/mapa/capes/{LAYER}.geojson").content)
    assert {f["properties"]["post"] for f in spanish["features"]} == {
        "Oferta · Espacio",
        "Necesidad · Equipamiento",
    }


def test_a_post_hidden_or_expired_leaves_the_map_at_once(client, posts_layer):
    post = PostFactory(title="Sala", valid_until=TODAY() + timedelta(days=1))
    layer = f"/ca/mapa/capes/{LAYER}.geojson"
    assert len(json.loads(client.get(layer).content)["features"]) == 1
    Post.objects.filter(pk=post.pk).update(hidden_at=timezone.now(), updated_at=timezone.now())
    assert json.loads(client.get(layer).content)["features"] == []
    Post.objects.filter(pk=post.pk).update(hidden_at=None, valid_until=TODAY() - timedelta(days=1))
    assert json.loads(client.get(layer).content)["features"] == []


def test_the_layer_control_offers_it_and_embeds_show_it_with_a_legend_of_shapes(client, posts_layer):
    PostFactory(
        initiative=InitiativeFactory(name="Coop <b>Sants</b>"), title="Sala <i>gran</i>", direction="offer"
    )
    PostFactory(initiative=InitiativeFactory(name="Sense adreça", longitude=None, latitude=None))
    layers = {
        layer["slug"]: layer for layer in map_config(client.get("/ca/mapa/").content.decode())["layers"]
    }
    assert layers[LAYER]["name"] == "Ofertes i necessitats" and layers[LAYER]["kind"] == "posts"
    assert layers[LAYER]["url"] == f"/ca/mapa/capes/{LAYER}.geojson"
    body = client.get(f"/ca/mapa/incrusta/?capes={LAYER}").content.decode()
    assert map_config(body)["layers"][0]["shown"]
    assert '<h2 id="map-list-title">1 iniciativa al mapa</h2>' in body  # the one that posts, with a point
    group = body[body.index(f'data-list-group="{LAYER}"') :]
    assert (
        "Sala &lt;i&gt;gran&lt;/i&gt;" in group and "Oferta · Espai · Coop &lt;b&gt;Sants&lt;/b&gt;" in group
    )
    assert "1 més d'una iniciativa sense adreça al mapa." in group
    legend = body[body.index(f'data-legend="{LAYER}"') :]
    assert "swatch--ring" in legend.split("</li>\n")[0] and "Necessitat" in legend.split("</ul>")[0]

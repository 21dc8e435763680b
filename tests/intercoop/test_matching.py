"""Matching (issue 17, point 3): the offers that could answer a need and the needs an offer could answer,
ranked and explained on the post's page; and "Contacta", the message sent through the site."""

import html
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.models import Page

import pytest
import shapely

from directori.models import District, Neighbourhood
from intercoop import limits
from intercoop.matching import MAX_CANDIDATES, matches_for
from intercoop.models import ContactMessage, Membership, Post, Space
from intercoop.permissions import table_sectors
from sectors.models import SectorPage
from tests.factories import EssFamilyFactory, InitiativeFactory, PostFactory, SectorFactory, member

pytestmark = pytest.mark.django_db

SOL = (41.4010, 2.1574)  # Plaça del Sol, Gràcia
METRES_PER_DEGREE_OF_LATITUDE = 111_195


def north_of_sol(metres):
    return {"latitude": SOL[0] + metres / METRES_PER_DEGREE_OF_LATITUDE, "longitude": SOL[1]}


@pytest.fixture
def coop():
    return EssFamilyFactory(
        slug="cooperativa", name="Cooperativa", name_es="Cooperativa", name_en="Co-operative"
    )


@pytest.fixture
def association():
    return EssFamilyFactory(slug="associacio", name="Associació", name_es="Asociación", name_en="Association")


def initiative(family=None, metres=0, **fields):
    return InitiativeFactory(family=family, **north_of_sol(metres), **fields)


def offer(by, **fields):
    return PostFactory(initiative=by, direction="offer", **fields)


def titles(post):
    return [match.post.title for match in matches_for(post)]


# Ranking


def test_a_coop_and_an_association_rank_above_two_coops_all_else_equal(coop, association):
    need = PostFactory(initiative=initiative(coop))
    offer(initiative(coop), title="De cooperativa")
    offer(initiative(association), title="D'associació")
    assert titles(need) == ["D'associació", "De cooperativa"]


def test_a_shared_sector_ranks_above_none():
    textil = SectorFactory(slug="textil", name="Tèxtil")
    need = PostFactory(initiative=initiative(), sectors=[textil])
    offer(initiative(), title="Sense sector")
    offer(initiative(), title="Tèxtil", sectors=[textil])
    assert titles(need) == ["Tèxtil", "Sense sector"]


def test_nearer_ranks_above_farther():
    need = PostFactory(initiative=initiative())
    offer(initiative(metres=5000), title="A 5 km")
    offer(initiative(metres=300), title="A 300 m")
    offer(initiative(metres=2000), title="A 2 km")
    assert titles(need) == ["A 300 m", "A 2 km", "A 5 km"]


def test_the_same_kind_ranks_above_other_kinds():
    textil = SectorFactory(slug="textil", name="Tèxtil")
    need = PostFactory(initiative=initiative(), kind="space", sectors=[textil])
    offer(initiative(), title="Maquinària", kind="equipment", sectors=[textil])
    offer(initiative(), title="Un local", kind="space", sectors=[textil])
    assert titles(need) == ["Un local", "Maquinària"]


def test_an_offer_shows_the_needs_it_could_answer():
    textil = SectorFactory(slug="textil", name="Tèxtil")
    mine = offer(initiative(), kind="knowledge", sectors=[textil])
    PostFactory(initiative=initiative(), title="Formació", kind="knowledge")
    PostFactory(initiative=initiative(), title="Diners", kind="financing", sectors=[textil])
    assert titles(mine) == ["Formació", "Diners"]


def test_own_hidden_expired_unrelated_and_same_direction_posts_are_left_out():
    textil = SectorFactory(slug="textil", name="Tèxtil")
    mine = initiative()
    need = PostFactory(initiative=mine, sectors=[textil])
    offer(initiative(), title="Bona")
    offer(mine, title="Meva")
    offer(initiative(), title="Amagada", hidden_at=timezone.now())
    offer(initiative(), title="Caducada", valid_until=timezone.localdate() - timedelta(days=1))
    offer(initiative(live=False), title="D'una iniciativa no publicada")
    offer(initiative(), title="D'una altra mena", kind="financing")
    PostFactory(initiative=initiative(), title="Una altra necessitat", sectors=[textil])
    assert titles(need) == ["Bona"]


# Reasons, in the active language


@pytest.mark.parametrize(
    ("language", "sectors", "metres", "families", "reason"),
    [
        ("ca", 1, 800, True, "mateix sector, 800 m, cooperativa ↔ associació"),
        ("es", 1, 800, True, "mismo sector, 800 m, cooperativa ↔ asociación"),
        ("en", 1, 800, True, "same sector, 800 m, co-operative ↔ association"),
        ("ca", 3, 1200, False, "3 sectors en comú, 1,2 km"),
        ("es", 3, 1200, False, "3 sectores en común, 1,2 km"),
        ("en", 3, 1200, False, "3 sectors in common, 1.2 km"),
    ],
)
def test_the_reason_says_sectors_distance_and_families_in_the_language(
    coop, association, language, sectors, metres, families, reason
):
    """Kilometres beyond 1 km, with the language's decimal mark; families only when they differ."""
    shared = [SectorFactory(slug=f"sector-{n}") for n in range(sectors)]
    need = PostFactory(initiative=initiative(coop if families else None), sectors=shared)
    offer(initiative(association if families else None, metres=metres), sectors=shared)
    with translation.override(language):
        assert [match.reason for match in matches_for(need)] == [reason]


def test_without_points_the_reason_and_rank_come_from_the_posts_areas():
    square = shapely.box(0, 0, 1, 1)
    gracia = District.objects.create(code="06", name="Gràcia", slug="gracia", geometry=square)
    sants = District.objects.create(code="03", name="Sants-Montjuïc", slug="sants-montjuic", geometry=square)
    vila = Neighbourhood.objects.create(
        code="31", name="la Vila de Gràcia", slug="vila-de-gracia", district=gracia, geometry=square
    )
    camp = Neighbourhood.objects.create(
        code="32", name="el Camp d'en Grassot", slug="camp-grassot", district=gracia, geometry=square
    )
    need = PostFactory(initiative=InitiativeFactory(latitude=None, longitude=None), neighbourhood=vila)
    for title, where in [
        ("Sants", {"district": sants}),
        ("Ciutat", {}),
        ("Districte", {"neighbourhood": camp}),
        ("Barri", {"neighbourhood": vila}),
    ]:
        offer(InitiativeFactory(latitude=None, longitude=None), title=title, **where)
    with translation.override("ca"):
        found = [(match.post.title, match.reason) for match in matches_for(need)]
    assert found == [
        ("Barri", "mateix barri"),
        ("Districte", "mateix districte"),
        ("Ciutat", "tota la ciutat"),
        ("Sants", "mateix tipus"),
    ]


def test_matching_costs_one_query_whatever_the_number_of_candidates(django_assert_max_num_queries, coop):
    sectors = [SectorFactory(slug=f"sector-{n}") for n in range(3)]
    need = PostFactory(initiative=initiative(coop), sectors=sectors)
    families = [coop, EssFamilyFactory(slug="fundacio", name="Fundació")]
    for n in range(MAX_CANDIDATES + 20):
        offer(initiative(families[n % 2], metres=10 * n), sectors=sectors[: n % 4])
    need = Post.objects.select_related("initiative__family").get(pk=need.pk)
    with django_assert_max_num_queries(1), translation.override("ca"):
        matches = matches_for(need)
        reasons = [
            (m.post.title, m.post.initiative.name, m.post.get_kind_display(), m.reason) for m in matches
        ]
    assert len(reasons) == 10
    assert all(reason.startswith("3 sectors en comú") for *_, reason in reasons)


def test_the_post_page_lists_the_matches_in_a_bounded_number_of_queries(
    client, django_assert_max_num_queries
):
    need = PostFactory(initiative=initiative())
    for n in range(30):
        offer(initiative(name=f"Entitat <i>{n}</i>"), title=f"Local <b>{n}</b>")
    with django_assert_max_num_queries(12):
        page = client.get(need.get_absolute_url()).content.decode()
    assert "Ofertes que hi podrien respondre" in page
    assert page.count('class="result"') == 10
    assert (
        "Local &lt;b&gt;29&lt;/b&gt;" in page and "Entitat &lt;i&gt;29&lt;/i&gt;" in page and "Espai" in page
    )


def test_an_offers_page_lists_needs_under_its_own_heading(client):
    mine = offer(initiative())
    PostFactory(initiative=initiative(), title="Busquem un local")
    page = client.get(mine.get_absolute_url(), HTTP_ACCEPT_LANGUAGE="ca").content.decode()
    assert "Necessitats a què podria respondre" in page and "Busquem un local" in page


# Contacta


@pytest.fixture
def poster():
    """A need of an initiative whose space writes in Spanish, with an owner and an editor, and a public
    e-mail that must never show."""
    initiative = InitiativeFactory(name="Teixits Sants", email="secret-teixits@example.org")
    owner, editor = member(initiative, "owner"), member(initiative, "editor")
    Space.objects.filter(initiative=initiative).update(language="es")
    post = PostFactory(initiative=initiative, title="Espai per a tallers")
    return post, owner, editor


@pytest.fixture
def writer():
    """A person acting for another initiative."""
    return member(InitiativeFactory(name="Ateneu del Sol", slug="ateneu-del-sol"), "editor")


def contact_url(post):
    return f"/ca/collaboracions/{post.slug}/contacta/"


def test_a_message_reaches_the_posters_people_in_their_language_with_a_reply_to(client, poster, writer):
    post, owner, editor = poster
    client.force_login(writer)
    response = client.post(contact_url(post), {"body": "Hola! Tenim un local <lliure>."})
    assert response.status_code == 302 and response["Location"] == post.get_absolute_url()
    # one message each: the poster's people never see one another's addresses
    assert sorted(m.to for m in mail.outbox) == sorted([[owner.email], [editor.email]])
    sent = mail.outbox[0]
    assert sent.reply_to == [writer.email]
    assert sent.subject == "Ateneu del Sol te escribe sobre «Espai per a tallers»"
    assert "Hola! Tenim un local <lliure>." in sent.body  # plain text: not escaped
    assert "Si llegas a un acuerdo con Ateneu del Sol" in sent.body
    link = f"/es/espai/{post.initiative.slug}/acords/nou/?amb=ateneu-del-sol&publicacio={post.slug}"
    assert link in sent.body
    message = ContactMessage.objects.get()
    assert (message.sender.slug, message.sent_by, message.post) == ("ateneu-del-sol", writer, post)
    page = html.unescape(client.get(response["Location"]).content.decode())
    assert "El teu missatge s'ha enviat a Teixits Sants." in page


def test_an_initiative_without_people_gets_the_message_at_its_public_email(client, writer):
    post = PostFactory(initiative=InitiativeFactory(email="hola@teixits.example.org"))
    client.force_login(writer)
    client.post(contact_url(post), {"body": "Hola."})
    assert mail.outbox[0].to == ["hola@teixits.example.org"]
    assert "Si arribes a un acord" in mail.outbox[0].body  # no space yet: Catalan


def test_an_initiative_no_one_can_reach_says_so_and_sends_nothing(client, writer):
    post = PostFactory(initiative=InitiativeFactory(email=""))
    client.force_login(writer)
    assert "encara no pot rebre missatges" in client.get(contact_url(post)).content.decode()
    assert client.post(contact_url(post), {"body": "Hola."}).status_code == 403
    assert not mail.outbox and not ContactMessage.objects.exists()


def test_the_posters_email_never_shows_on_the_post_or_contact_page(client, poster, writer):
    post, owner, editor = poster
    client.force_login(writer)
    for url in (post.get_absolute_url(), contact_url(post)):
        page = client.get(url).content.decode()
        for address in ("secret-teixits@example.org", owner.email, editor.email):
            assert address not in page


def test_a_person_of_several_initiatives_chooses_which_one_writes(client, poster, writer):
    post, *_ = poster
    Membership.objects.create(user=writer, initiative=InitiativeFactory(name="Zeta Coop"), role="owner")
    client.force_login(writer)
    page = client.get(contact_url(post)).content.decode()
    assert "<legend>Escriu en nom de" in page and page.index("Ateneu del Sol") < page.index("Zeta Coop")
    response = client.post(contact_url(post), {"body": "Hola."})
    assert (
        response.status_code == 400 and "Tria la iniciativa per la qual escrius." in response.content.decode()
    )
    response = client.post(contact_url(post), {"body": "Hola.", "sender": "99999999999999999999999"})
    assert response.status_code == 400 and "Tria una de les teves iniciatives." in response.content.decode()
    assert client.post(contact_url(post), {"body": "Hola.", "sender": "ateneu-del-sol"}).status_code == 302
    assert ContactMessage.objects.get().sender.slug == "ateneu-del-sol"


@pytest.mark.parametrize(
    ("body", "error"),
    [
        ("", "Escriu el teu missatge."),
        ("   ", "Escriu el teu missatge."),
        ("x" * 4001, "com a màxim 4000 caràcters"),
    ],
)
def test_a_bad_message_shows_the_field_error_and_sends_nothing(client, poster, writer, body, error):
    post, *_ = poster
    client.force_login(writer)
    response = client.post(contact_url(post), {"body": body})
    page = response.content.decode()
    assert response.status_code == 400 and error in page
    assert 'class="error-summary"' in page and 'aria-describedby="id_body_helptext id_body_error"' in page
    assert not mail.outbox and not ContactMessage.objects.exists()


def test_messages_are_limited_per_account_per_hour(client, poster, writer):
    post, *_ = poster
    client.force_login(writer)
    for _ in range(limits.MESSAGES_PER_HOUR):
        assert client.post(contact_url(post), {"body": "Hola."}).status_code == 302
    response = client.post(contact_url(post), {"body": "Una vegada més."})
    assert response.status_code == 429
    assert "Has enviat massa missatges" in response.content.decode()
    assert ContactMessage.objects.count() == limits.MESSAGES_PER_HOUR
    assert len(mail.outbox) == 2 * limits.MESSAGES_PER_HOUR  # one each to the poster's owner and editor
    ContactMessage.objects.update(created_at=timezone.now() - timedelta(hours=1, minutes=1))
    assert client.post(contact_url(post), {"body": "Ja ha passat una hora."}).status_code == 302


def test_an_anonymous_visitor_is_told_to_log_in_and_cannot_send(client, poster):
    post, *_ = poster
    page = client.get(contact_url(post)).content.decode()
    assert (
        "inicia la sessió amb el compte de la teva iniciativa" in page
        and "<form" not in page.split("<main")[-1]
    )
    assert f'href="{reverse("intercoop:login")}?next={contact_url(post)}"' in page
    assert client.post(contact_url(post), {"body": "Hola."}).status_code == 403
    assert not mail.outbox


def test_a_suspended_account_cannot_write(client, poster, writer):
    post, *_ = poster
    writer.is_active = False
    writer.save()
    client.force_login(writer)  # a session opened before the suspension
    assert client.post(contact_url(post), {"body": "Hola."}).status_code == 403
    assert not mail.outbox and not ContactMessage.objects.exists()


@pytest.mark.parametrize(
    "change", [{"hidden_at": timezone.now()}, {"valid_until": timezone.localdate() - timedelta(days=1)}]
)
def test_a_hidden_or_expired_post_cannot_be_contacted(client, poster, writer, change):
    post, *_ = poster
    Post.objects.filter(pk=post.pk).update(**change)
    client.force_login(writer)
    assert client.get(contact_url(post)).status_code == 404
    assert client.post(contact_url(post), {"body": "Hola."}).status_code == 404
    assert not mail.outbox


# Who may do what (issue 17, point 6): each role, by GET and by POST


def table_member():
    sector_page = Page.get_first_root_node().add_child(
        instance=SectorPage(title="Taula tèxtil", slug="taula-textil", sector=SectorFactory(slug="textil"))
    )
    person = get_user_model().objects.create_user("membre-textil", "membre@example.org", "x")
    Group.objects.get(pk=sector_page.editor_group_id).user_set.add(person)
    assert table_sectors(person).exists()
    return person


def moderator():
    person = get_user_model().objects.create_user("moderadora", "moderadora@example.org", "x", is_staff=True)
    person.groups.add(Group.objects.get(name="Moderators"))
    return person


def staff():
    return get_user_model().objects.create_superuser("admin-x", "admin@example.org", "x")


@pytest.mark.parametrize(
    ("role", "get_status", "post_status"),
    [
        ("anonymous", 200, 403),
        ("owner", 404, 404),
        ("editor", 404, 404),
        ("another initiative", 200, 302),
        ("table member", 200, 403),
        ("moderator", 200, 403),
        ("staff", 200, 403),
    ],
)
def test_who_may_contact_a_post(client, poster, writer, role, get_status, post_status):
    post, owner, editor = poster
    person = {
        "anonymous": None,
        "owner": owner,
        "editor": editor,
        "another initiative": writer,
        "table member": table_member,
        "moderator": moderator,
        "staff": staff,
    }[role]
    if callable(person):
        person = person()
    if person:
        client.force_login(person)
    get = client.get(contact_url(post))
    assert get.status_code == get_status
    assert ('name="body"' in get.content.decode()) == (role == "another initiative")
    assert client.post(contact_url(post), {"body": "Hola."}).status_code == post_status
    assert ContactMessage.objects.count() == (1 if role == "another initiative" else 0)
    # the post's page offers "Contacta" to everyone but the post's own people
    page = client.get(post.get_absolute_url()).content.decode()
    assert (contact_url(post) in page) == (role not in ("owner", "editor"))

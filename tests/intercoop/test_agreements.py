"""Issue 17, point 4 (and its share of 6, 7, 8): an initiative records an agreement, the other party
confirms it, and it counts on the strategy page (goal 3.2), on both sector tables' pages and on both
districts' pages, and in the open data; parties are named only when both consent. On the seeded demo
site with its boundaries (the sector tables' pages, their members' groups, the moderator and the
admin), once for the module."""

import csv
import io
import json
import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

import pytest

from directori.models import Initiative
from intercoop import limits
from intercoop.forms.agreements import latest_start
from intercoop.models import Agreement, Membership, Post, Space
from intercoop.seed import AGREEMENTS
from sectors.models import SectorPage
from tests.factories import PostFactory, member

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_city")]

PASSWORD = "contrasenya-de-prova-2026"  # noqa: S105  (tests.factories.member's)


def initiative(sector, district_code, exclude=()):
    """A live example initiative of `sector` in the district, in no demo agreement."""
    busy = {slug for row in AGREEMENTS for slug in row[:2]} | set(exclude)
    return (
        Initiative.objects.live()
        .filter(sectors__slug=sector, district__code=district_code)
        .exclude(slug__in=busy)
        .order_by("pk")
        .first()
    )


@pytest.fixture
def parties():
    """A culture initiative in the Eixample (02) records; a care one in Gràcia (06) is the other party."""
    return initiative("cultura", "02"), initiative("cures", "06")


@pytest.fixture
def recorder(parties):
    return member(parties[0], "owner")


@pytest.fixture
def partner_user(parties):
    return member(parties[1], "owner")


def login(client, user):
    client.force_login(user)
    return client


def record(client, proposer, partner, **fields):
    data = {
        "partner_name": f"{partner.name} ({partner.slug})",
        "what": "Cicle de tallers de cures a la llibreria",
        "start": "2026-05-04",
        "status": "agreed",
        "outcome": "",
        "value_hours": "30",
        "value_euros": "",
        **fields,
    }
    return client.post(reverse("intercoop:agreement_new", kwargs={"slug": proposer.slug}), data)


def agreement_url(initiative, agreement):
    return reverse("intercoop:agreement", kwargs={"slug": initiative.slug, "pk": agreement.pk})


def text(response):
    return re.sub(r"\s+", " ", response.content.decode())


def confirmed_count(page_text):
    """The count of a page's agreements section (0 when there is none), in Catalan."""
    found = re.search(r"(\d+) acords? confirmats? entre iniciatives", page_text)
    return int(found.group(1)) if found else 0


def public_pages(client, proposer, partner):
    """The agreements section of the pages that count an agreement between the two: goal 3.2 of the
    strategy page, both sector tables' pages and both districts' pages."""
    pages = {"strategy": "/ca/sectors/estrategia/"}
    for party in (proposer, partner):
        table = SectorPage.objects.live().get(sector__in=party.sectors.all(), locale__language_code="ca")
        pages[f"sector {party.slug}"] = table.url
        pages[f"district {party.slug}"] = reverse("directori:district", kwargs={"slug": party.district.slug})
    found = {}
    for name, url in pages.items():
        body = text(client.get(url))
        if name == "strategy":
            body = body[body.index('id="fita-32"') : body.index('id="fita-33"')]
        found[name] = agreements_section(body)
    return found


def agreements_section(body):
    """The agreements section of a page ("" when it has none): the names elsewhere on a page (a
    district's initiatives) are not the section's."""
    start = body.find('class="agreements-count"')
    return body[start : body.index("</section>", start)] if start >= 0 else ""


def test_recorded_confirmed_and_counted_everywhere(client, parties, recorder, partner_user):
    proposer, partner = parties
    before = {name: confirmed_count(body) for name, body in public_pages(client, *parties).items()}

    response = record(login(client, recorder), proposer, partner, consents="on")
    agreement = Agreement.objects.get(proposer=proposer, partner=partner)
    assert response.status_code == 302
    assert response["Location"] == agreement_url(proposer, agreement)
    assert agreement.confirmed_at is None
    assert agreement.value_hours == 30
    assert agreement.proposer_consents and not agreement.partner_consents
    # the other party's people are told, with the link to confirm
    (sent,) = mail.outbox
    assert sent.to == [partner_user.email]
    assert proposer.name in sent.subject
    assert agreement_url(partner, agreement) in sent.body
    # not counted before the other party confirms
    client.logout()
    assert {name: confirmed_count(body) for name, body in public_pages(client, *parties).items()} == before

    login(client, partner_user)
    listing = text(client.get(reverse("intercoop:agreements", kwargs={"slug": partner.slug})))
    assert "1 acord per confirmar" in listing
    assert agreement.what in listing
    response = client.post(agreement_url(partner, agreement), {"action": "confirm", "consents": "1"})
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.confirmed_at is not None and agreement.named_in_public

    client.logout()
    after = public_pages(client, *parties)
    for name, body in after.items():
        assert confirmed_count(body) == before[name] + 1, name
        assert agreement.what in body, name
        assert proposer.name in body and partner.name in body, name
    assert "30 hores en total" in after[f"district {partner.slug}"]  # Gràcia: no demo agreement


def test_names_only_with_both_consents(client, parties, recorder, partner_user):
    proposer, partner = parties
    record(login(client, recorder), proposer, partner, what="Intercanvi sense noms")
    agreement = Agreement.objects.get(what="Intercanvi sense noms")
    login(client, partner_user).post(
        agreement_url(partner, agreement), {"action": "confirm", "consents": "1"}
    )
    client.logout()
    for name, body in public_pages(client, *parties).items():
        assert "Intercanvi sense noms" not in body, name
        assert proposer.name not in body, name
        assert "que no volen aparèixer" in body, name
    assert "Intercanvi sense noms" not in client.get(reverse("intercoop:agreements_csv")).content.decode()
    rows = list(
        csv.DictReader(
            io.StringIO(client.get(reverse("intercoop:agreements_csv")).content.decode("utf-8-sig"))
        )
    )
    (row,) = [row for row in rows if row["id"] == str(agreement.pk)]
    assert row["what"] == row["party_1"] == row["party_2"] == ""
    # the recorder agrees later: now both do, and both are named
    login(client, recorder).post(
        agreement_url(proposer, agreement),
        {
            "action": "update",
            "what": agreement.what,
            "start": agreement.start.isoformat(),
            "status": "done",
            "outcome": "Fet",
            "value_hours": "30",
            "value_euros": "",
            "consents": "on",
        },
    )
    agreement.refresh_from_db()
    assert agreement.named_in_public and agreement.status == "done"
    assert agreement.confirmed_at is not None  # forward, outcome and consent: still confirmed
    client.logout()
    strategy = public_pages(client, *parties)["strategy"]
    assert "Intercanvi sense noms" in strategy and proposer.name in strategy


def test_unconfirmed_and_cancelled_not_counted(client, parties):
    proposer, partner = parties
    baseline = confirmed_count(public_pages(client, *parties)["strategy"])
    Agreement.objects.create(proposer=proposer, partner=partner, what="Encara per confirmar")
    Agreement.objects.create(
        proposer=proposer,
        partner=partner,
        what="Cancel·lat després",
        status="cancelled",
        confirmed_at=timezone.now(),
        proposer_consents=True,
        partner_consents=True,
    )
    pages = public_pages(client, *parties)
    assert confirmed_count(pages["strategy"]) == baseline
    for body in pages.values():
        assert "Encara per confirmar" not in body and "Cancel·lat després" not in body
    exported = client.get(reverse("intercoop:agreements_csv")).content.decode()
    assert "Encara per confirmar" not in exported and "Cancel·lat després" not in exported


def test_decline_cancels_and_is_final(client, parties, recorder, partner_user):
    proposer, partner = parties
    agreement = Agreement.objects.create(proposer=proposer, partner=partner, what="No l'hem fet")
    login(client, partner_user)
    assert client.post(agreement_url(partner, agreement), {"action": "decline"}).status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == "cancelled" and agreement.confirmed_at is None
    response = client.post(agreement_url(partner, agreement), {"action": "confirm"})
    assert response.status_code == 400
    agreement.refresh_from_db()
    assert agreement.confirmed_at is None
    # nor can the recorder put it back in the other party's list
    mail.outbox.clear()
    revive = {"action": "update", "what": agreement.what, "start": agreement.start.isoformat()}
    response = login(client, recorder).post(
        agreement_url(proposer, agreement), revive | {"status": "proposed"}
    )
    assert response.status_code == 400 and "un de nou" in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.status == "cancelled" and not mail.outbox


def test_the_recorder_cannot_confirm(client, parties, recorder):
    proposer, partner = parties
    agreement = Agreement.objects.create(proposer=proposer, partner=partner, what="Ho confirmo jo mateix")
    login(client, recorder)
    page = text(client.get(agreement_url(proposer, agreement)))
    assert 'value="confirm"' not in page
    response = client.post(agreement_url(proposer, agreement), {"action": "confirm"})
    assert response.status_code == 400
    assert "Només l'altra iniciativa" in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.confirmed_at is None


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"value_hours": "-3"}, "value_hours", "com a mínim 0"),
        ({"value_euros": "-0.01"}, "value_euros", "com a mínim 0"),
        ({"value_euros": "molts"}, "value_euros", "Escriu un nombre"),
        ({"partner_name": "Iniciativa que no existeix"}, "partner_name", "Cap iniciativa publicada"),
        ({"partner_name": ""}, "partner_name", "Aquest camp és obligatori"),
        ({"start": "2026-13-45"}, "start", "Escriu una data vàlida"),
        ({"what": ""}, "what", "Aquest camp és obligatori"),
        ({"status": "signed"}, "status", "Tria una opció vàlida"),
    ],
)
def test_bad_input_field_errors(client, parties, recorder, fields, field, message):
    proposer, partner = parties
    response = record(login(client, recorder), proposer, partner, **fields)
    assert response.status_code == 400
    body = text(response)
    assert 'class="error-summary"' in body
    assert f'href="#id_{field}"' in body
    assert message in body
    assert f'aria-describedby="id_{field}_' in body or f'id="id_{field}_error"' in body
    assert not Agreement.objects.filter(proposer=proposer).exists()


def test_self_as_partner_is_refused(client, parties, recorder):
    proposer, _ = parties
    response = record(login(client, recorder), proposer, proposer)
    assert response.status_code == 400
    assert "no amb la teva" in response.content.decode()
    assert not Agreement.objects.filter(proposer=proposer).exists()


def test_bad_update_shows_field_errors(client, parties, recorder):
    proposer, partner = parties
    agreement = Agreement.objects.create(proposer=proposer, partner=partner, what="Valor negatiu")
    response = login(client, recorder).post(
        agreement_url(proposer, agreement),
        {"action": "update", "status": "agreed", "value_hours": "-1", "value_euros": ""},
    )
    assert response.status_code == 400
    assert 'href="#id_value_hours"' in text(response)
    assert client.post(agreement_url(proposer, agreement), {"action": "sign"}).status_code == 400
    agreement.refresh_from_db()
    assert agreement.value_hours is None


def test_prefilled_from_a_post(client, parties, recorder):
    proposer, partner = parties
    post = PostFactory(initiative=partner, title="Sala per a tallers")
    url = reverse("intercoop:agreement_new", kwargs={"slug": proposer.slug})
    body = text(login(client, recorder).get(f"{url}?amb={partner.slug}&publicacio={post.slug}"))
    assert f'value="{partner.name} ({partner.slug})"' in body.replace("&#x27;", "'")
    assert 'value="Sala per a tallers"' in body
    assert 'list="partner-choices"' in body and "<datalist" in body
    record(client, proposer, partner, publicacio=post.slug, what="Sala per a tallers")
    assert Agreement.objects.get(what="Sala per a tallers").post == post


def test_each_of_the_partners_people_gets_their_own_email(client, parties, recorder, partner_user):
    proposer, partner = parties
    editor = member(partner, "editor")
    record(login(client, recorder), proposer, partner)
    assert sorted(sent.to for sent in mail.outbox) == sorted([[partner_user.email], [editor.email]])


def test_partner_without_people_gets_the_public_email(client, parties, recorder):
    proposer, _ = parties
    lonely = initiative("habitatge", "01", exclude=[proposer.slug])
    Space.objects.update_or_create(initiative=lonely, defaults={"language": "es"})
    record(login(client, recorder), proposer, lonely)
    (sent,) = mail.outbox
    assert sent.to == [lonely.email]
    assert "ha registrado un acuerdo" in sent.subject  # the space's language, not the sender's
    # nobody acts for it yet: the link is to claim the entry first, not to a space it cannot enter
    assert f"/es/compte/gestiona/{lonely.slug}/" in sent.body and "/espai/" not in sent.body


# Open data ---------------------------------------------------------------------------------------


@pytest.fixture
def tricky(parties):
    """A confirmed agreement, both named, whose text a spreadsheet or a page could run."""
    proposer, partner = parties
    return Agreement.objects.create(
        proposer=proposer,
        partner=partner,
        what='=HYPERLINK("http://mal.example") <script>alert(1)</script>',
        start="2026-06-01",
        status="done",
        value_euros="250.50",
        confirmed_at=timezone.now(),
        proposer_consents=True,
        partner_consents=True,
    )


def test_csv(client, tricky, parties):
    response = client.get(reverse("intercoop:agreements_csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'rel="license"' in response["Link"]
    content = response.content.decode("utf-8")
    assert content.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(content.removeprefix("\ufeff"))))
    assert len(rows) == Agreement.objects.confirmed().count()
    (row,) = [row for row in rows if row["id"] == str(tricky.pk)]
    assert row["what"].startswith("'=HYPERLINK")  # inert in a spreadsheet
    assert row["value_euros"] == "250.50"
    assert row["party_1"] == parties[0].name and row["party_2"] == parties[1].name
    assert row["sectors"] == "cultura;cures"
    assert row["districts"] == "02;06"
    unnamed = Agreement.objects.get(what="Cistelles de verdura de proximitat cada setmana")
    (row,) = [row for row in rows if row["id"] == str(unnamed.pk)]
    assert row["what"] == row["party_1"] == ""


def test_jsonld(client, tricky, parties):
    response = client.get(reverse("intercoop:agreements_jsonld"))
    assert response["Content-Type"].startswith("application/ld+json")
    data = json.loads(response.content)
    assert data["@context"]["vf"] == "https://w3id.org/valueflows/ont/vf#"
    nodes = {node["@id"].rsplit("-", 1)[1]: node for node in data["@graph"]}
    node = nodes[str(tricky.pk)]
    assert node["vf:name"] == tricky.what  # JSON carries the text as it is: escaping is its reader's
    assert node["@type"] == "vf:Agreement"
    assert node["schema:price"]["schema:value"] == 250.5
    assert [party["schema:name"] for party in node["schema:participant"]] == [
        parties[0].name,
        parties[1].name,
    ]
    unnamed = Agreement.objects.get(what="Cistelles de verdura de proximitat cada setmana")
    assert "schema:participant" not in nodes[str(unnamed.pk)]
    assert len(data["@graph"]) == Agreement.objects.confirmed().count()


def test_murmurations_and_valueflows(client, tricky, parties):
    offer = PostFactory(
        initiative=parties[0], direction="offer", kind="knowledge", title="Assessorament <b>legal</b>"
    )
    need = PostFactory(initiative=parties[1], title="Espai per a tallers a Sants")
    PostFactory(initiative=parties[1], title="Caducada", valid_until=timezone.localdate() - timedelta(days=1))
    hidden = PostFactory(initiative=parties[1], title="Amagada")
    hidden.hidden_at = timezone.now()
    hidden.save()

    data = json.loads(client.get(reverse("intercoop:murmurations")).content)
    profiles = {profile["title"]: profile for profile in data["profiles"]}
    # every listed post (the demo's too), never an expired or hidden one
    listed = set(Post.objects.listed().values_list("title", flat=True))
    assert set(profiles) == listed and {offer.title, need.title} <= listed
    assert not {"Caducada", "Amagada"} & set(profiles)
    assert profiles[offer.title]["exchange_type"] == "offer"
    assert profiles[offer.title]["item_type"] == "service"
    assert profiles[need.title]["exchange_type"] == "want"
    assert profiles[need.title]["item_type"] == "good"
    assert profiles[need.title]["linked_schemas"] == ["offers_wants_schema-v0.1.0"]
    assert profiles[need.title]["details_url"].endswith(need.get_absolute_url())
    assert "@" not in json.dumps(profiles)  # no e-mail address anywhere
    assert any(row["what"] == tricky.what for row in data["agreements"])

    graph = json.loads(client.get(reverse("intercoop:valueflows")).content)["@graph"]
    proposals = {node["vf:name"]: node for node in graph if node["@type"] == "vf:Proposal"}
    assert set(proposals) == listed
    intent = proposals[offer.title]["vf:publishes"]
    assert intent["@type"] == "vf:Intent"
    assert intent["vf:provider"]["schema:name"] == parties[0].name
    assert "vf:receiver" in proposals[need.title]["vf:publishes"]
    agreements = [node for node in graph if node["@type"] == "vf:Agreement"]
    assert len(agreements) == Agreement.objects.confirmed().count()


def test_open_data_only_answers_get(client):
    for name in ("agreements_csv", "agreements_jsonld", "murmurations", "valueflows"):
        assert client.post(reverse(f"intercoop:{name}")).status_code == 405


def test_counts_escape_user_text(client, tricky):
    strategy = client.get("/ca/sectors/estrategia/").content.decode()
    assert "<script>alert(1)</script>" not in strategy
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in strategy


def test_open_data_links_on_the_counts(client, tricky):
    strategy = client.get("/ca/sectors/estrategia/").content.decode()
    for name in ("agreements_csv", "agreements_jsonld", "murmurations", "valueflows"):
        assert f'href="{reverse(f"intercoop:{name}")}"' in strategy


# Who sees what -----------------------------------------------------------------------------------


@pytest.fixture
def roles(parties):
    """One login per role (kausal-watch's pattern): the recorder's owner and editor, the other party,
    a third initiative, a table member (of the recorder's sector), the moderator and the admin."""
    proposer, partner = parties
    users = get_user_model().objects
    third = initiative("consum", "01")
    return {
        "owner": member(proposer, "owner"),
        "editor": member(proposer, "editor"),
        "other party": member(partner, "owner"),
        "third initiative": member(third, "owner"),
        "table member": users.get(username="membre-cultura"),
        "moderator": users.get(username="moderador"),
        "staff": users.get(username="admin"),
    }


def space_requests(proposer, agreement):
    """(name, method, url, data) of every agreements view of the recorder's space."""
    new = reverse("intercoop:agreement_new", kwargs={"slug": proposer.slug})
    detail = agreement_url(proposer, agreement)
    return [
        ("list", "get", reverse("intercoop:agreements", kwargs={"slug": proposer.slug}), None),
        ("new", "get", new, None),
        ("new", "post", new, {"partner_name": "", "what": ""}),
        ("detail", "get", detail, None),
        (
            "detail",
            "post",
            detail,
            {"action": "update", "what": "Permisos", "start": "2026-04-01", "status": "done"},
        ),
    ]


@pytest.mark.parametrize("role", ["owner", "editor"])
def test_the_recorders_people_may(client, parties, roles, role):
    proposer, partner = parties
    agreement = Agreement.objects.create(proposer=proposer, partner=partner, what="Permisos")
    login(client, roles[role])
    for name, method, url, data in space_requests(proposer, agreement):
        response = getattr(client, method)(url, data)
        assert response.status_code in (200, 302, 400), (name, method)  # 400: the form's own errors
    agreement.refresh_from_db()
    assert agreement.status == "done"


@pytest.mark.parametrize("role", ["third initiative", "table member", "moderator", "staff", "other party"])
def test_others_get_404_in_the_recorders_space(client, parties, roles, role):
    """The other party sees the agreement in its own space, never in the recorder's."""
    proposer, partner = parties
    agreement = Agreement.objects.create(proposer=proposer, partner=partner, what="Permisos")
    login(client, roles[role])
    for name, method, url, data in space_requests(proposer, agreement):
        assert getattr(client, method)(url, data).status_code == 404, (name, method)
    agreement.refresh_from_db()
    assert agreement.status == "proposed"
    assert not Agreement.objects.exclude(pk=agreement.pk).filter(what="").exists()


@pytest.mark.parametrize("role", ["third initiative", "table member", "moderator", "staff", "owner"])
def test_only_the_other_party_confirms(client, parties, roles, role):
    """Nobody but the other party's people confirms: elsewhere its space is 404, in the recorder's
    space the recorder is refused."""
    proposer, partner = parties
    agreement = Agreement.objects.create(proposer=proposer, partner=partner, what="Permisos")
    login(client, roles[role])
    for initiative_ in (proposer, partner):
        url = agreement_url(initiative_, agreement)
        assert client.post(url, {"action": "confirm"}).status_code in (400, 404)
    agreement.refresh_from_db()
    assert agreement.confirmed_at is None
    login(client, roles["other party"])
    assert client.get(agreement_url(partner, agreement)).status_code == 200
    assert client.post(agreement_url(partner, agreement), {"action": "confirm"}).status_code == 302


def test_an_agreement_of_others_is_404_in_ones_own_space(client, parties, roles):
    proposer, partner = parties
    third = Membership.objects.get(user=roles["third initiative"]).initiative
    agreement = Agreement.objects.create(proposer=proposer, partner=partner, what="D'altres")
    login(client, roles["third initiative"])
    assert client.get(agreement_url(third, agreement)).status_code == 404
    assert (
        client.post(agreement_url(third, agreement), {"action": "update", "status": "done"}).status_code
        == 404
    )


def test_anonymous_is_sent_to_the_login(client, parties):
    proposer, partner = parties
    agreement = Agreement.objects.create(proposer=proposer, partner=partner, what="Permisos")
    for name, method, url, data in space_requests(proposer, agreement):
        response = getattr(client, method)(url, data)
        assert response.status_code == 302, (name, method)
        assert response["Location"].startswith(reverse("intercoop:login"))
    agreement.refresh_from_db()
    assert agreement.status == "proposed"


def test_open_data_and_counts_are_public(client, tricky):
    for name in ("agreements_csv", "agreements_jsonld", "murmurations", "valueflows"):
        assert client.get(reverse(f"intercoop:{name}")).status_code == 200


# Demo -------------------------------------------------------------------------------------------


def test_demo_agreements(client):
    """Five demo agreements, four confirmed; goal 3.2, two sector tables' and two districts' pages show
    them, and the pending one is nowhere."""
    seeded = Agreement.objects.filter(what__in=[row[2] for row in AGREEMENTS])
    assert seeded.count() == 5
    assert seeded.confirmed().count() == 4
    assert confirmed_count(text(client.get("/ca/sectors/estrategia/"))) == 4
    for sector in ("agroecologia", "habitatge"):
        assert confirmed_count(text(client.get(f"/ca/sectors/{sector}/"))) >= 1, sector
    for district in ("ciutat-vella", "eixample"):
        assert confirmed_count(text(client.get(f"/ca/directori/districte/{district}/"))) >= 1, district
    assert "Repartiment en bicicleta" not in client.get(reverse("intercoop:agreements_csv")).content.decode()


def test_partner_without_a_space_is_written_in_catalan(client, parties, recorder):
    """Whatever language the recorder reads the site in."""
    proposer, _ = parties
    lonely = initiative("habitatge", "01", exclude=[proposer.slug])
    Space.objects.filter(initiative=lonely).delete()
    login(client, recorder)
    url = reverse("intercoop:agreement_new", kwargs={"slug": proposer.slug}).replace("/ca/", "/en/", 1)
    data = {"partner_name": lonely.slug, "what": "Un acord", "start": "2026-05-04", "status": "agreed"}
    with translation.override("ca"):  # the request activates English: not for the tests that follow
        assert client.post(url, data).status_code == 302
    (sent,) = mail.outbox
    assert sent.to == [lonely.email]
    assert "ha registrat un acord" in sent.subject
    assert f"/ca/compte/gestiona/{lonely.slug}/" in sent.body


# After the outside review: confirmed agreements, limits, unnamed parties, dates -------------------


def confirmed(proposer, partner, **fields):
    return Agreement.objects.create(
        proposer=proposer,
        partner=partner,
        **{
            "what": "Taller de reparació mensual",
            "start": "2026-03-02",
            "status": "agreed",
            "value_hours": "12",
            "confirmed_at": timezone.now(),
            **fields,
        },
    )


def update(client, initiative, agreement, **fields):
    """Posts the update form as the page fills it, with `fields` changed."""
    data = {
        "action": "update",
        "what": agreement.what,
        "start": str(agreement.start),
        "status": agreement.status,
        "outcome": agreement.outcome,
        "value_hours": "" if agreement.value_hours is None else str(agreement.value_hours),
        "value_euros": "" if agreement.value_euros is None else str(agreement.value_euros),
        **fields,
    }
    return client.post(agreement_url(initiative, agreement), data)


def csv_ids(client):
    body = client.get(reverse("intercoop:agreements_csv")).content.decode("utf-8-sig")
    return {row["id"] for row in csv.DictReader(io.StringIO(body))}


@pytest.mark.parametrize(
    "fields",
    [
        {"value_hours": "99999"},
        {"value_euros": "100"},
        {"what": "Una altra cosa"},
        {"start": "2026-09-01"},
        {"status": "proposed"},  # back
    ],
)
def test_a_confirmed_agreement_changed_waits_for_the_other_party_again(
    client, parties, recorder, partner_user, fields
):
    proposer, partner = parties
    Space.objects.update_or_create(initiative=partner, defaults={"language": "es"})
    agreement = confirmed(proposer, partner)
    assert str(agreement.pk) in csv_ids(client)

    response = update(login(client, recorder), proposer, agreement, **fields)
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.confirmed_at is None
    assert str(agreement.pk) not in csv_ids(client)  # the public counts do not take it
    (sent,) = mail.outbox  # the other party is asked again, in its space's language
    assert sent.to == [partner_user.email]
    assert f"{proposer.name} ha cambiado un acuerdo" in sent.subject
    assert agreement_url(partner, agreement).replace("/ca/", "/es/") in sent.body

    client.logout()
    listing = text(
        login(client, partner_user).get(reverse("intercoop:agreements", kwargs={"slug": partner.slug}))
    )
    assert "1 acord per confirmar" in listing
    assert client.post(agreement_url(partner, agreement), {"action": "confirm"}).status_code == 302
    agreement.refresh_from_db()
    assert agreement.confirmed_at is not None
    assert str(agreement.pk) in csv_ids(client)


def test_a_change_by_the_other_party_goes_to_the_recorder(client, parties, recorder, partner_user):
    proposer, partner = parties
    agreement = confirmed(proposer, partner, proposer_consents=True)
    update(login(client, partner_user), partner, agreement, value_hours="80")
    agreement.refresh_from_db()
    assert agreement.confirmed_at is None and agreement.value_hours == 80
    (sent,) = mail.outbox
    assert sent.to == [recorder.email]
    assert f"{partner.name} ha canviat un acord" in sent.subject
    assert agreement_url(proposer, agreement) in sent.body
    # the one who changed it cannot confirm its own change
    assert client.post(agreement_url(partner, agreement), {"action": "confirm"}).status_code == 400
    client.logout()
    login(client, recorder)
    listing = text(client.get(reverse("intercoop:agreements", kwargs={"slug": proposer.slug})))
    assert "1 acord per confirmar" in listing and f"canviat per {partner.name}" in listing
    page = text(client.get(agreement_url(proposer, agreement)))
    assert 'value="confirm"' in page
    assert 'name="consents" value="1" checked' in page  # the recorder's own consent, as it stands
    assert client.post(agreement_url(proposer, agreement), {"action": "confirm"}).status_code == 302
    agreement.refresh_from_db()
    assert agreement.confirmed_at is not None


def test_the_party_asked_cannot_confirm_its_own_rewrite(client, parties, recorder, partner_user):
    """Before confirming, the other party changes the values: the recorder never agreed to those."""
    proposer, partner = parties
    record(login(client, recorder), proposer, partner)
    agreement = Agreement.objects.get(proposer=proposer, partner=partner)
    mail.outbox.clear()
    client.logout()
    update(login(client, partner_user), partner, agreement, value_hours="5000")
    agreement.refresh_from_db()
    assert agreement.confirmed_at is None and agreement.proposer_confirms
    assert client.post(agreement_url(partner, agreement), {"action": "confirm"}).status_code == 400
    (sent,) = mail.outbox
    assert sent.to == [recorder.email]
    # the recorder's own changes to its pending record stay with the other party to confirm
    client.logout()
    agreement = confirmed(proposer, partner, confirmed_at=None, what="Encara pendent")
    mail.outbox.clear()
    update(login(client, recorder), proposer, agreement, value_hours="7")
    agreement.refresh_from_db()
    assert not agreement.proposer_confirms and mail.outbox == []


@pytest.mark.parametrize(
    ("before", "fields"),
    [
        ("agreed", {"status": "done"}),
        ("proposed", {"status": "agreed"}),
        ("agreed", {"status": "cancelled"}),
        ("done", {"status": "cancelled"}),
        ("agreed", {"outcome": "Tres tallers fets."}),
        ("agreed", {"consents": "on"}),
    ],
)
def test_moving_forward_keeps_the_confirmation(client, parties, recorder, partner_user, before, fields):
    proposer, partner = parties
    agreement = confirmed(proposer, partner, status=before)
    assert update(login(client, recorder), proposer, agreement, **fields).status_code == 302
    agreement.refresh_from_db()
    assert agreement.confirmed_at is not None
    assert mail.outbox == []


def test_reviving_a_cancelled_agreement_asks_again(client, parties, recorder, partner_user):
    proposer, partner = parties
    agreement = confirmed(proposer, partner, status="cancelled")
    update(login(client, recorder), proposer, agreement, status="agreed")
    agreement.refresh_from_db()
    assert agreement.confirmed_at is None and len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"value_hours": "100000.01"}, "value_hours", "com a màxim 100000"),
        ({"value_hours": "99999999"}, "value_hours", "com a màxim 100000"),
        ({"value_euros": "10000000.01"}, "value_euros", "com a màxim 10000000"),
        ({"start": "1999-12-31"}, "start", "ha de ser entre l&#x27;1 de gener de 2000"),
        ({"start": "2099-01-01"}, "start", "ha de ser entre"),
    ],
)
def test_values_and_dates_out_of_range(client, parties, recorder, fields, field, message):
    proposer, partner = parties
    response = record(login(client, recorder), proposer, partner, **fields)
    assert response.status_code == 400
    body = text(response)
    assert f'href="#id_{field}"' in body and message in body
    assert not Agreement.objects.filter(proposer=proposer).exists()
    # nor on a change to a confirmed one
    agreement = confirmed(proposer, partner)
    response = update(client, proposer, agreement, **fields)
    assert response.status_code == 400 and message in text(response)
    agreement.refresh_from_db()
    assert agreement.confirmed_at is not None and agreement.value_hours == 12
    assert mail.outbox == []


def test_start_limits_are_inclusive(client, parties, recorder):
    proposer, partner = parties
    latest = latest_start()
    for start, what in (("2000-01-01", "Primer"), (latest.isoformat(), "Darrer")):
        assert record(login(client, recorder), proposer, partner, start=start, what=what).status_code == 302
    response = record(client, proposer, partner, start=(latest + timedelta(days=1)).isoformat())
    assert response.status_code == 400


def test_recording_is_limited_per_account(client, parties, recorder, partner_user):
    proposer, partner = parties
    login(client, recorder)
    for number in range(limits.AGREEMENTS_PER_DAY):
        assert record(client, proposer, partner, what=f"Acord {number}").status_code == 302
    assert len(mail.outbox) == limits.AGREEMENTS_PER_DAY
    response = record(client, proposer, partner, what="Un de massa")
    assert response.status_code == 429
    assert f"Avui ja has registrat {limits.AGREEMENTS_PER_DAY} acords" in text(response)
    assert not Agreement.objects.filter(what="Un de massa").exists()
    assert len(mail.outbox) == limits.AGREEMENTS_PER_DAY
    # a day later, the account may again
    Agreement.objects.filter(proposer=proposer).update(
        created_at=timezone.now() - timedelta(days=1, minutes=1)
    )
    assert record(client, proposer, partner, what="L'endemà").status_code == 302


def test_unnamed_agreements_carry_no_words_nor_post(client, parties):
    """ "What you agreed" defaults to a post's title, whose public page names its initiative."""
    proposer, partner = parties
    post = PostFactory(initiative=partner, title="Sala de tallers al carrer Verdi")
    agreement = confirmed(proposer, partner, what=post.title, post=post, proposer_consents=True)
    secret = (post.title, post.slug, post.get_absolute_url(), partner.slug, partner.name)

    body = client.get(reverse("intercoop:agreements_csv")).content.decode("utf-8-sig")
    (row,) = [row for row in csv.DictReader(io.StringIO(body)) if row["id"] == str(agreement.pk)]
    assert row["what"] == row["party_1"] == row["party_2"] == ""
    assert row["start"] == "2026-03-02" and row["status"] == "agreed" and row["value_hours"] == "12.00"
    assert row["sectors"] == "cultura;cures" and row["districts"] == "02;06"

    graph = json.loads(client.get(reverse("intercoop:agreements_jsonld")).content)["@graph"]
    (node,) = [node for node in graph if node["@id"].endswith(f"#acord-{agreement.pk}")]
    assert (
        node["schema:actionStatus"] == "agreed" and node["vf:effortQuantity"]["om2:hasNumericalValue"] == 12
    )
    assert not any(text in json.dumps(node, ensure_ascii=False) for text in secret)

    rows = json.loads(client.get(reverse("intercoop:murmurations")).content)["agreements"]
    (row,) = [row for row in rows if row["id"] == agreement.pk]
    assert row["what"] == "" and row["districts"] == ["02", "06"]
    assert not any(text in json.dumps(row, ensure_ascii=False) for text in secret)

    graph = json.loads(client.get(reverse("intercoop:valueflows")).content)["@graph"]
    (node,) = [node for node in graph if node["@id"].endswith(f"#acord-{agreement.pk}")]
    assert not any(text in json.dumps(node, ensure_ascii=False) for text in secret)

    for name, section in public_pages(client, *parties).items():
        assert "que no volen aparèixer" in section, name
        assert post.title not in section and post.get_absolute_url() not in section, name

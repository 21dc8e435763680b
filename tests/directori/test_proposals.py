"""The public proposes an initiative or a correction; a moderator sees it, with possible duplicates."""

import hashlib
import html
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.test import override_settings
from django.utils import timezone

import pytest

from core import cache as fail_open
from directori.models import Initiative, Proposal
from directori.proposals import PROPOSALS_PER_HOUR
from tests.core.test_cache import free_port

pytestmark = pytest.mark.django_db

VALID = {
    "name": "Cooperativa La Formiga",
    "description": "Botiga de <b>consum</b>.",
    "address": "Carrer de Verdi, 12",
    "postcode": "08012",
    "proposer_email": "veina@example.org",
    "homepage": "",
}


def test_a_proposal_becomes_a_draft_and_a_confirmation(client, boundaries):
    response = client.post("/ca/directori/proposa/", VALID)
    assert response.status_code == 302 and response["Location"] == "/ca/directori/proposa/gracies/"
    assert "Gràcies per la teva proposta" in client.get(response["Location"]).content.decode()
    proposal = Proposal.objects.get()
    assert (proposal.kind, proposal.status, proposal.proposer_email) == (
        "new",
        "pending",
        "veina@example.org",
    )
    draft = proposal.initiative
    assert draft.live is False and draft.revisions.count() == 1
    assert draft.description == "<p>Botiga de &lt;b&gt;consum&lt;/b&gt;.</p>"
    assert "La Formiga" not in client.get("/ca/directori/").content.decode()


def test_field_errors_are_shown_and_nothing_is_saved(client, db):
    response = client.post(
        "/ca/directori/proposa/", {**VALID, "name": "", "proposer_email": "no", "postcode": "8"}
    )
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert set(errors) == {"name", "proposer_email", "postcode"}
    assert "Escriu el nom de la iniciativa." in response.content.decode()
    assert not Proposal.objects.exists() and not Initiative.objects.exists()


def test_the_honeypot_swallows_robots(client, db):
    response = client.post("/ca/directori/proposa/", {**VALID, "homepage": "http://spam.example"})
    assert response.status_code == 302
    assert not Proposal.objects.exists() and not Initiative.objects.exists()


def test_a_client_may_send_only_a_few_proposals_an_hour(client, db):
    for _ in range(PROPOSALS_PER_HOUR):
        assert client.post("/ca/directori/proposa/", VALID).status_code == 302
    response = client.post("/ca/directori/proposa/", VALID)
    assert response.status_code == 429
    assert "Massa propostes" in response.content.decode()
    assert Proposal.objects.count() == PROPOSALS_PER_HOUR


def test_the_limit_holds_while_the_cache_is_down(client, db, settings, monkeypatch):
    """The project's fail-open Redis cache, pointed at a port nothing listens on."""
    monkeypatch.setattr(fail_open, "outage", fail_open.Outage())
    settings.CACHES = {
        "default": {
            "BACKEND": "core.cache.FailOpenRedisCache",
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": {"socket_connect_timeout": 0.5},
        }
    }
    cache = caches["default"]
    cache.set("probe", 1)
    assert cache.get("probe") is None and fail_open.outage.down_since is not None
    answers = [client.post("/ca/directori/proposa/", VALID).status_code for _ in range(12)]
    assert answers == [302] * PROPOSALS_PER_HOUR + [429] * (12 - PROPOSALS_PER_HOUR)
    assert Proposal.objects.count() == PROPOSALS_PER_HOUR


def test_the_stored_proposal_keeps_a_keyed_hash_of_the_address_for_an_hour(client, db, settings):
    """Not the address, nor a plain hash anyone could reverse by hashing every IPv4 address: another
    SECRET_KEY gives another value; and forgotten once the hour the limit counts has passed."""
    assert propose_as(client, "198.51.100.7", "veina@example.org") == 302
    stored = Proposal.objects.values_list("client_hash", flat=True).get()
    assert stored and stored != hashlib.sha256(b"198.51.100.7").hexdigest()
    settings.SECRET_KEY = "another-secret-key-for-this-test-only-0123456789"
    assert propose_as(client, "198.51.100.7", "veina2@example.org") == 302
    assert len(set(Proposal.objects.values_list("client_hash", flat=True))) == 2
    Proposal.objects.update(created_at=timezone.now() - timedelta(minutes=61))
    assert propose_as(client, "198.51.100.8", "veina3@example.org") == 302
    assert list(Proposal.objects.order_by("pk").values_list("client_hash", flat=True))[:2] == ["", ""]


def test_proposals_older_than_an_hour_no_longer_count(client, db):
    for _ in range(PROPOSALS_PER_HOUR):
        assert propose_as(client, "198.51.100.7", "veina@example.org") == 302
    Proposal.objects.update(created_at=timezone.now() - timedelta(minutes=61))
    assert propose_as(client, "198.51.100.7", "veina@example.org") == 302


def propose_as(client, address, email, forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded else {}
    data = {**VALID, "proposer_email": email}
    return client.post("/ca/directori/proposa/", data, REMOTE_ADDR=address, **headers).status_code


def test_one_e_mail_may_send_only_a_few_proposals_an_hour_from_any_address(client, db):
    for number in range(PROPOSALS_PER_HOUR):
        assert propose_as(client, f"198.51.100.{number}", "veina@example.org") == 302
    response = client.post(
        "/ca/directori/proposa/",
        {**VALID, "proposer_email": " VEINA@example.org"},
        REMOTE_ADDR="198.51.100.99",
    )
    assert response.status_code == 429
    assert "Massa propostes des d'aquesta connexió o adreça electrònica" in html.unescape(
        response.content.decode()
    )
    assert propose_as(client, "198.51.100.99", "altra@example.org") == 302
    assert Proposal.objects.count() == PROPOSALS_PER_HOUR + 1


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_behind_the_proxy_each_client_has_its_own_allowance(client, db):
    for number in range(PROPOSALS_PER_HOUR):
        assert propose_as(client, "127.0.0.1", f"p{number}@example.org", "198.51.100.1") == 302
    # Neither a new e-mail nor an address written in front of the proxy's buys more.
    assert propose_as(client, "127.0.0.1", "nova@example.org", "6.6.6.6, 198.51.100.1") == 429
    assert propose_as(client, "127.0.0.1", "nova@example.org", "198.51.100.2") == 302


def test_without_a_proxy_a_forged_forwarded_header_buys_nothing(client, db):
    for number in range(PROPOSALS_PER_HOUR):
        assert propose_as(client, "203.0.113.5", f"p{number}@example.org", f"198.51.100.{number}") == 302
    assert propose_as(client, "203.0.113.5", "nova@example.org", "198.51.100.200") == 429


@override_settings(TRUSTED_PROXY_COUNT=1)
def test_a_new_ipv6_address_in_the_same_64_buys_no_more_proposals(client, db):
    for number in range(PROPOSALS_PER_HOUR):
        assert (
            propose_as(client, "127.0.0.1", f"p{number}@example.org", f"2001:db8:1:2::{number + 1:x}") == 302
        )
    assert propose_as(client, "127.0.0.1", "nova@example.org", "2001:db8:1:2:ffff:1:2:3") == 429
    assert propose_as(client, "127.0.0.1", "nova@example.org", "2001:db8:1:3::1") == 302  # the next /64


def test_a_correction_to_an_initiative(client, boundaries):
    target = Initiative.objects.create(name="Sostre de Gràcia", longitude=2.1574, latitude=41.4010, live=True)
    page = client.get(target.get_absolute_url()).content.decode()
    assert f'href="/ca/directori/proposa/?correccio={target.slug}"' in page
    form = client.get(f"/ca/directori/proposa/?correccio={target.slug}")
    assert "name" not in form.context["form"].fields
    response = client.post(
        "/ca/directori/proposa/", {"correccio": target.slug, "message": "", "proposer_email": "a@example.org"}
    )
    assert "message" in response.context["form"].errors
    client.post(
        "/ca/directori/proposa/",
        {"correccio": target.slug, "message": "Ha canviat de telèfon.", "proposer_email": "a@example.org"},
    )
    proposal = Proposal.objects.get()
    assert (proposal.kind, proposal.initiative, proposal.message) == (
        "correction",
        target,
        "Ha canviat de telèfon.",
    )
    assert Initiative.objects.count() == 1
    assert client.get("/ca/directori/proposa/?correccio=no-existeix").status_code == 404


def test_moderators_see_pending_proposals_and_possible_duplicates(client, seeded, boundaries):
    Initiative.objects.create(name="Cooperativa la Formiga", longitude=2.1574, latitude=41.4010, live=True)
    Initiative.objects.create(name="Una altra cosa", longitude=2.1574, latitude=41.4010, live=True)
    Initiative.objects.create(
        name="Cooperativa La Formiga", longitude=2.2010, latitude=41.4010, live=True
    )  # far
    client.post("/ca/directori/proposa/", VALID)
    draft = Proposal.objects.get().initiative
    draft.latitude, draft.longitude = 41.4012, 2.1576  # the moderator's geocoding, 30 m away
    draft.save()
    assert [i.name for i in Proposal.objects.get().possible_duplicates()] == ["Cooperativa la Formiga"]

    client.force_login(get_user_model().objects.get(username="moderador"))
    dashboard = client.get("/admin/").content.decode()
    assert "1 proposta espera revisió." in dashboard
    listing = client.get("/admin/snippets/directori/proposal/").content.decode()
    assert "Cooperativa la Formiga</a>" in listing

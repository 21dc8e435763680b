"""Initiative accounts: claiming an entry by e-mail, following one-time links, signing in, the space,
editing the entry through moderation, the team, and staff suspending accounts."""

import re
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

import pytest

from directori.models import Initiative, Proposal
from intercoop.models import AccessLink, Membership, ModerationAction, Space
from tests.factories import EssFamilyFactory, InitiativeFactory, SectorFactory, member

pytestmark = pytest.mark.django_db

PASSWORD = "una-contrasenya-llarga-2026"  # noqa: S105 (a test account's)


def claimable(**fields):
    return InitiativeFactory(
        name="Cooperativa La Teixidora",
        email="hola@teixidora.example.org",
        family=EssFamilyFactory(slug="cooperativa-de-treball"),
        **fields,
    )


def link_in(message):
    """The one-time link's path in an e-mail (the address starts with the site's base URL)."""
    return re.search(r"http://testserver(/\S+/compte/enllac/\S+/)", message.body).group(1)


def claim_link(client, initiative):
    mail.outbox.clear()
    client.post(reverse("intercoop:claim", args=[initiative.slug]))
    return link_in(mail.outbox[-1])


def new_account(**fields):
    return {
        "name": "Maria Puig",
        "email": "maria@example.org",
        "password1": PASSWORD,
        "password2": PASSWORD,
    } | fields


# The claim


def test_the_public_page_offers_to_manage_the_entry(client):
    initiative = claimable()
    page = client.get(reverse("directori:initiative", args=[initiative.slug])).content.decode()
    assert reverse("intercoop:claim", args=[initiative.slug]) in page
    assert "Gestiona aquesta fitxa" in page


def test_the_claim_page_shows_the_e_mail_masked_and_sends_a_link_there_in_the_visitor_s_language(client):
    initiative = claimable()
    url = reverse("intercoop:claim", args=[initiative.slug])
    page = client.get(url).content.decode()
    assert "h•••@teixidora.example.org" in page and "hola@teixidora" not in page
    assert not mail.outbox  # GET sends nothing
    response = client.post(reverse("intercoop:claim", args=[initiative.slug]).replace("/ca/", "/es/"))
    assert response.status_code == 200
    assert [m.to for m in mail.outbox] == [["hola@teixidora.example.org"]]
    assert "Cooperativa La Teixidora" in mail.outbox[0].subject and "24 horas" in mail.outbox[0].body
    link = AccessLink.objects.get()
    assert (link.purpose, link.role, link.language) == ("claim", "owner", "es")
    assert link_in(mail.outbox[0]).split("/")[-2] not in link.token_hash  # only the hash is stored


def test_names_reach_the_e_mail_as_written_never_html_escaped(client):
    initiative = InitiativeFactory(name="L'Ateneu <Sants> & Cia", email="hola@ateneu.example.org")
    client.post(reverse("intercoop:claim", args=[initiative.slug]))
    (message,) = mail.outbox
    assert "fitxa de l'Ateneu <Sants> & Cia" in message.subject  # Catalan contracts "de L'Ateneu"
    assert "Ateneu <Sants> & Cia" in message.body
    assert "&#x27;" not in message.subject + message.body and "&lt;" not in message.body


def test_an_entry_without_e_mail_says_so_and_points_to_the_correction_form(client):
    initiative = InitiativeFactory(email="")
    page = client.get(reverse("intercoop:claim", args=[initiative.slug])).content.decode()
    assert f"{reverse('directori:propose')}?correccio={initiative.slug}" in page
    assert "no té correu electrònic públic" in page
    client.post(reverse("intercoop:claim", args=[initiative.slug]))
    assert not mail.outbox and not AccessLink.objects.exists()


def test_claims_are_limited_per_initiative_and_hour(client):
    initiative = claimable()
    url = reverse("intercoop:claim", args=[initiative.slug])
    for _ in range(3):
        assert client.post(url).status_code == 200
    response = client.post(url)
    assert response.status_code == 429
    assert "en l'última hora" in response.content.decode()
    assert len(mail.outbox) == 3


def test_an_unpublished_entry_cannot_be_claimed(client):
    initiative = InitiativeFactory(live=False, email="hola@example.org")
    assert client.get(reverse("intercoop:claim", args=[initiative.slug])).status_code == 404


def test_the_whole_claim_by_e_mail_makes_an_owner_with_a_space(client):
    initiative = claimable()
    path = claim_link(client, initiative)
    page = client.get(path).content.decode()
    assert "Fes el teu compte" in page
    response = client.post(path, new_account())
    assert response.status_code == 302 and response["Location"] == reverse(
        "intercoop:space", args=[initiative.slug]
    )
    user = get_user_model().objects.get(email="maria@example.org")
    assert Membership.objects.get(user=user).role == "owner"
    assert Space.objects.get(initiative=initiative).language == "ca"
    link = AccessLink.objects.get()
    assert link.used_by == user and link.used_at is not None
    space = client.get(response["Location"]).content.decode()  # signed in by the link
    assert "L'espai de la teva iniciativa" in space and "Cooperativa La Teixidora" in space
    assert not user.is_staff and client.get("/admin/").status_code == 302  # never the Wagtail admin


def test_a_claim_of_an_entry_with_owners_makes_an_editor_and_tells_the_owners(client):
    """Reading the public mailbox lets a person join, never take over (an owner could remove the owners)."""
    initiative = claimable()
    owner = member(initiative, "owner")
    path = claim_link(client, initiative)
    mail.outbox.clear()
    assert "esdevé editor de la iniciativa" in client.get(path).content.decode()  # it says what it grants
    client.post(path, new_account())
    newcomer = get_user_model().objects.get(email="maria@example.org")
    assert Membership.objects.get(user=newcomer).role == "editor"
    (notice,) = mail.outbox
    assert notice.to == [owner.email] and "Maria" in notice.body
    assert reverse("intercoop:team", args=[initiative.slug]) in notice.body
    remove = {"action": "remove", "member": Membership.objects.get(user=owner).pk}
    assert client.post(reverse("intercoop:team", args=[initiative.slug]), remove).status_code == 404
    assert Membership.objects.filter(user=owner, role="owner").exists()


def test_a_signed_in_person_links_their_account(client):
    initiative, other = claimable(), InitiativeFactory()
    person = member(other, "editor")
    path = claim_link(client, initiative)
    client.force_login(person)
    assert "Vincula el meu compte" in client.get(path).content.decode()
    client.post(path)
    assert Membership.objects.get(user=person, initiative=initiative).role == "owner"


def test_following_a_link_with_get_never_consumes_it(client):
    path = claim_link(client, claimable())
    for _ in range(3):
        assert client.get(path).status_code == 200
    assert AccessLink.objects.get().used_at is None
    assert not Membership.objects.exists()


def test_an_expired_link_says_so_and_grants_nothing(client):
    path = claim_link(client, claimable())
    AccessLink.objects.update(created_at=timezone.now() - timedelta(hours=25))
    for response in (client.get(path), client.post(path, new_account())):
        assert response.status_code == 410
        assert "ha caducat" in response.content.decode()
    assert not Membership.objects.exists() and not get_user_model().objects.exists()


def test_a_reused_link_says_so_and_grants_nothing(client):
    path = claim_link(client, claimable())
    client.post(path, new_account())
    client.logout()
    response = client.post(path, new_account(email="altra@example.org"))
    assert response.status_code == 410 and "ja s'ha fet servir" in response.content.decode()
    assert Membership.objects.count() == 1
    assert not get_user_model().objects.filter(email="altra@example.org").exists()


def test_of_two_posts_of_one_link_one_wins(client):
    """The second request read the link before the first consumed it: its conditional update finds the
    link used, so it answers 410 and its new account is rolled back with the request."""
    from intercoop.views.accounts import consume

    initiative = claimable()
    claim_link(client, initiative)
    link = AccessLink.objects.get()
    first, second = member(InitiativeFactory(), "owner"), member(InitiativeFactory(), "owner")
    assert consume(link, first) is True
    assert consume(link, second) is False  # the same stale object, as a parallel request holds it
    assert list(initiative.memberships.values_list("user", flat=True)) == [first.pk]


def test_an_unknown_link_answers_404_and_grants_nothing(client):
    response = client.post(reverse("intercoop:access_link", args=["no-such-token"]), new_account())
    assert response.status_code == 404 and "No coneixem aquest enllaç" in response.content.decode()
    assert not get_user_model().objects.exists()


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"name": ""}, "name", "Escriu el teu nom."),
        ({"email": "no-es-un-correu"}, "email", "adreça de correu electrònic vàlida"),
        ({"password2": "una-altra-contrasenya"}, "password2", "Les dues contrasenyes no són iguals."),
        ({"password1": "1234", "password2": "1234"}, "password1", "massa curta"),
    ],
)
def test_bad_account_input_shows_field_errors_and_consumes_nothing(client, fields, field, message):
    path = claim_link(client, claimable())
    response = client.post(path, new_account(**fields))
    page = response.content.decode()
    assert response.status_code == 200 and "error-summary" in page and message in page
    assert f'aria-describedby="id_{field}_error' in page or f'id="id_{field}_error"' in page
    assert AccessLink.objects.get().used_at is None and not get_user_model().objects.exists()


def test_an_e_mail_that_already_has_an_account_is_asked_to_sign_in(client):
    get_user_model().objects.create_user("maria@example.org", "maria@example.org", PASSWORD)
    path = claim_link(client, claimable())
    page = client.post(path, new_account()).content.decode()
    assert "Ja hi ha un compte amb aquest correu" in page
    assert not Membership.objects.exists()


# Signing in and out


def sign_in(client, username, password):
    return client.post(reverse("intercoop:login"), {"username": username, "password": password})


def test_sign_in_with_the_e_mail_and_out_again(client):
    path = claim_link(client, claimable())
    client.post(path, new_account())
    client.post(reverse("intercoop:logout"))
    assert client.get(reverse("intercoop:spaces")).status_code == 302
    response = sign_in(client, "maria@example.org", PASSWORD)
    assert response.status_code == 302 and response["Location"] == reverse("intercoop:spaces")
    assert client.get(reverse("intercoop:spaces")).status_code == 302  # one initiative: its space


def test_the_e_mail_signs_in_whatever_its_capitals_and_a_wrong_one_is_told_informally(client):
    path = claim_link(client, claimable())
    client.post(path, new_account())
    client.post(reverse("intercoop:logout"))
    assert sign_in(client, "Maria@Example.org", PASSWORD).status_code == 302
    client.post(reverse("intercoop:logout"))
    page = sign_in(client, "maria@example.org", "no-és-aquesta").content.decode()
    assert "no coincideixen" in page and "Comprova" in page and "introduïu" not in page


def test_an_e_mail_longer_than_a_user_name_is_a_field_error_not_a_500(client):
    path = claim_link(client, claimable())
    address = "a" * 140 + "@example.org"  # 152 characters: more than a user name holds (150)
    response = client.post(path, new_account(email=address))
    assert response.status_code == 200 and "email" in response.context["form"].errors
    assert not get_user_model().objects.filter(email=address).exists()


def test_sign_in_is_throttled_after_five_failures_with_a_public_page_in_the_visitor_s_language(client):
    person = member(claimable())
    for _ in range(4):
        assert sign_in(client, person.username, "wrong").status_code == 200
    assert sign_in(client, person.username, "wrong").status_code == 429  # the fifth failure locks
    response = client.post(
        reverse("intercoop:login").replace("/ca/", "/es/"), {"username": person.username, "password": "x"}
    )
    assert response.status_code == 429
    page = response.content.decode()
    assert "Demasiadas contraseñas erróneas" in page and 'class="site-header"' in page
    assert (
        sign_in(client, person.username, "contrasenya-de-prova-2026").status_code == 429
    )  # the right one too


def test_a_suspended_account_cannot_sign_in_and_is_told_generically(client):
    person = member(claimable())
    person.is_active = False
    person.save()
    wrong = sign_in(client, person.username, "wrong").content.decode()
    page = sign_in(client, person.username, "contrasenya-de-prova-2026").content.decode()
    assert "_auth_user_id" not in client.session
    assert "error-summary" in page
    assert re.sub(r'name="csrfmiddlewaretoken" value="[^"]+"', "", page) == re.sub(
        r'name="csrfmiddlewaretoken" value="[^"]+"', "", wrong
    )  # the same answer as a wrong password


def test_a_suspended_account_loses_its_space_at_once(client):
    initiative = claimable()
    person = member(initiative)
    client.force_login(person)
    get_user_model().objects.filter(pk=person.pk).update(is_active=False)
    assert client.get(reverse("intercoop:space", args=[initiative.slug])).status_code in (302, 404)


def test_password_reset_sends_a_translated_e_mail_with_a_working_link(client):
    person = member(claimable())
    response = client.post(reverse("intercoop:password_reset"), {"email": person.email})
    assert response.status_code == 302
    message = mail.outbox[-1]
    assert message.to == [person.email] and "contrasenya nova" in message.subject
    path = re.search(r"http://testserver(/\S+)", message.body).group(1)
    form = client.get(path, follow=True)
    assert form.status_code == 200 and "Tria una contrasenya nova" in form.content.decode()
    new = "una-altra-contrasenya-llarga"
    done = client.post(form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    assert done.status_code == 302
    assert sign_in(client, person.username, new).status_code == 302


# The space


def test_the_header_links_initiative_accounts_to_their_space(client):
    initiative = claimable()
    client.force_login(member(initiative))
    page = client.get(reverse("directori:initiative", args=[initiative.slug])).content.decode()
    assert f'href="{reverse("intercoop:spaces")}"' in page
    assert reverse("intercoop:space", args=[initiative.slug]) in page  # "go to its space" instead of a claim


def test_the_header_has_no_space_link_for_anyone_else(client):
    client.force_login(get_user_model().objects.create_user("algu", "algu@example.org", PASSWORD))
    assert (
        f'href="{reverse("intercoop:spaces")}"' not in client.get(reverse("directori:index")).content.decode()
    )


def test_the_space_shows_the_entry_s_state_and_evaluations(client):
    from directori.models import Evaluation

    initiative = claimable()
    initiative.evaluations.add(Evaluation(issuer="Pam a Pam", date=timezone.localdate()))
    initiative.save()
    client.force_login(member(initiative))
    page = client.get(reverse("intercoop:space", args=[initiative.slug])).content.decode()
    assert "La fitxa està publicada." in page and "Pam a Pam" in page
    assert "<title>L'espai de la teva iniciativa" in page


def test_a_person_of_several_initiatives_chooses_one(client):
    first, second = InitiativeFactory(name="Zeta coop"), InitiativeFactory(name="Àlfa coop")
    person = member(first)
    Membership.objects.create(user=person, initiative=second, role="editor")
    client.force_login(person)
    page = client.get(reverse("intercoop:spaces")).content.decode()
    assert page.index("Àlfa coop") < page.index("Zeta coop")  # sorted as Catalan sorts


# Editing the entry


def entry_data(initiative, **changes):
    data = {
        "name": initiative.name,
        "description": "Teixim roba\n\nde segona mà.",
        "postcode": "08014",
        "email": initiative.email,
        "family": initiative.family.slug if initiative.family else "",
        "sectors": [s.slug for s in initiative.sectors.all()],
    }
    return data | changes


def test_an_edit_goes_to_moderation_and_the_public_page_is_unchanged(client):
    initiative = claimable()
    client.force_login(member(initiative))
    url = reverse("intercoop:edit_entry", args=[initiative.slug])
    response = client.post(url, entry_data(initiative, name="La Teixidora SCCL"))
    assert response.status_code == 302
    initiative.refresh_from_db()
    assert initiative.name == "Cooperativa La Teixidora" and initiative.has_unpublished_changes
    public = client.get(reverse("directori:initiative", args=[initiative.slug])).content.decode()
    assert "La Teixidora SCCL" not in public
    proposal = Proposal.objects.get(initiative=initiative)
    assert (proposal.kind, proposal.status) == ("correction", "pending")
    # A second edit starts from the pending revision and adds no second proposal.
    form = client.get(url).content.decode()
    assert '<option value="cooperativa-de-treball" selected>' in form
    assert 'value="La Teixidora SCCL"' in form and "Teixim roba\n\nde segona mà." in form
    client.post(url, entry_data(initiative, name="La Teixidora SCCL", phone="931 234 567"))
    latest = Initiative.objects.get(pk=initiative.pk).get_latest_revision_as_object()
    assert (latest.name, latest.phone) == ("La Teixidora SCCL", "931 234 567")
    assert latest.description == "<p>Teixim roba</p><p>de segona mà.</p>"
    assert Proposal.objects.filter(initiative=initiative).count() == 1


def test_a_trusted_space_publishes_at_once_and_the_point_is_placed(client, boundaries):
    initiative = claimable()
    client.force_login(member(initiative))
    Space.objects.filter(initiative=initiative).update(trusted=True)
    sector = SectorFactory(slug="textil", name="Tèxtil")
    data = entry_data(
        initiative, name="La Teixidora SCCL", sectors=[sector.slug], description="<b>Nosaltres</b>"
    )
    client.post(reverse("intercoop:edit_entry", args=[initiative.slug]), data)
    initiative.refresh_from_db()
    assert initiative.name == "La Teixidora SCCL" and not initiative.has_unpublished_changes
    assert list(initiative.sectors.all()) == [sector]
    assert initiative.district.name == "Gràcia"
    assert not Proposal.objects.exists()
    public = client.get(reverse("directori:initiative", args=[initiative.slug])).content.decode()
    assert "La Teixidora SCCL" in public and "&lt;b&gt;Nosaltres&lt;/b&gt;" in public


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"name": ""}, "name", "Escriu el nom de la iniciativa."),
        ({"postcode": "8014"}, "postcode", "Escriu els cinc dígits del codi postal"),
        ({"email": "no"}, "email", "adreça de correu electrònic vàlida"),
        ({"women_workforce_share": "140"}, "women_workforce_share", "100"),
        ({"year_founded": "any"}, "year_founded", "Escriu un nombre enter."),
        ({"sectors": ["999999999999999999999"]}, "sectors", "no és una de les opcions"),
    ],
)
def test_bad_entry_input_shows_field_errors_and_saves_nothing(client, changes, field, message):
    initiative = claimable()
    client.force_login(member(initiative))
    response = client.post(
        reverse("intercoop:edit_entry", args=[initiative.slug]), entry_data(initiative, **changes)
    )
    page = response.content.decode()
    assert response.status_code == 200 and "error-summary" in page and message in page
    assert f'id="id_{field}_error"' in page
    assert not initiative.revisions.exists() and not Proposal.objects.exists()


# New initiatives from the proposal form


def test_a_proposed_initiative_published_for_the_first_time_gets_a_claim_link(client):
    client.post(
        reverse("directori:propose"),
        {"name": "Cuidem SCCL", "email": "hola@cuidem.example.org", "proposer_email": "jo@example.org"},
    )
    initiative = Initiative.objects.get(name="Cuidem SCCL")
    mail.outbox.clear()
    with translation.override("en"):  # the moderator reads the admin in English
        initiative.get_latest_revision().publish()
    assert [m.to for m in mail.outbox] == [["hola@cuidem.example.org"]]
    path = link_in(mail.outbox[0])
    assert path.startswith("/ca/") and "Gestiona la fitxa de Cuidem SCCL" in mail.outbox[0].subject
    client.post(path, new_account())
    assert Membership.objects.get(initiative=initiative).role == "owner"
    mail.outbox.clear()
    initiative.save_revision().publish()  # published again: no second link
    assert not mail.outbox


def test_an_initiative_not_from_the_form_gets_no_link_when_published(client):
    initiative = InitiativeFactory(live=False, email="hola@example.org")
    initiative.save_revision().publish()
    assert not mail.outbox


# The team


def test_an_owner_invites_an_editor_who_joins_by_the_link(client):
    initiative = claimable()
    client.force_login(member(initiative))
    url = reverse("intercoop:team", args=[initiative.slug])
    response = client.post(url, {"action": "invite", "email": "nou@example.org", "role": "editor"})
    assert response.status_code == 302
    assert mail.outbox[-1].to == ["nou@example.org"] and "Et conviden" in mail.outbox[-1].subject
    path = link_in(mail.outbox[-1])
    client.logout()
    client.post(path, new_account(email="nou@example.org"))
    assert Membership.objects.get(user__email="nou@example.org").role == "editor"


def test_a_bad_invitation_shows_field_errors(client):
    initiative = claimable()
    client.force_login(member(initiative))
    response = client.post(
        reverse("intercoop:team", args=[initiative.slug]), {"action": "invite", "email": "x"}
    )
    page = response.content.decode()
    assert response.status_code == 400 and "error-summary" in page and 'id="id_email_error"' in page
    assert not mail.outbox


def test_an_owner_removes_an_editor_but_the_last_owner_stays(client):
    initiative = claimable()
    owner, editor = member(initiative), member(initiative, "editor")
    client.force_login(owner)
    url = reverse("intercoop:team", args=[initiative.slug])
    own = Membership.objects.get(user=owner)
    response = client.post(url, {"action": "remove", "member": own.pk}, follow=True)
    assert "última persona propietària no es pot treure" in response.content.decode()
    assert Membership.objects.filter(pk=own.pk).exists()
    client.post(url, {"action": "remove", "member": Membership.objects.get(user=editor).pk})
    assert list(initiative.memberships.values_list("user", flat=True)) == [owner.pk]


def test_an_owner_cannot_remove_a_member_of_another_initiative(client):
    initiative, other = claimable(), InitiativeFactory()
    client.force_login(member(initiative))
    member(other, "editor")
    elsewhere = Membership.objects.get(initiative=other)
    response = client.post(
        reverse("intercoop:team", args=[initiative.slug]), {"action": "remove", "member": elsewhere.pk}
    )
    assert response.status_code == 404 and Membership.objects.filter(pk=elsewhere.pk).exists()


def test_an_editor_sees_the_team_but_no_actions(client):
    initiative = claimable()
    owner, editor = member(initiative), member(initiative, "editor")
    client.force_login(editor)
    url = reverse("intercoop:team", args=[initiative.slug])
    page = client.get(url).content.decode()
    assert owner.username in page and 'name="action"' not in page
    own = Membership.objects.get(user=owner)
    assert client.post(url, {"action": "remove", "member": own.pk}).status_code == 404
    assert (
        client.post(url, {"action": "invite", "email": "x@example.org", "role": "owner"}).status_code == 404
    )
    assert Membership.objects.filter(pk=own.pk).exists() and not mail.outbox


# Staff


def test_staff_suspend_an_account_with_a_reason_and_reinstate_it(admin_client, admin_user):
    initiative = claimable()
    person = member(initiative)
    url = reverse("intercoop_suspend", args=[person.pk])
    response = admin_client.post(url, {"reason": ""})
    assert response.status_code == 400 and "Escriu el motiu" in response.content.decode()
    admin_client.post(url, {"reason": "Missatges abusius."})
    person.refresh_from_db()
    assert not person.is_active
    logged = ModerationAction.objects.get()
    assert (logged.action, logged.account, logged.staff, logged.reason) == (
        "suspend",
        person,
        admin_user,
        "Missatges abusius.",
    )
    admin_client.post(reverse("intercoop_reinstate", args=[person.pk]), {"reason": "Aclarit."})
    person.refresh_from_db()
    assert person.is_active and ModerationAction.objects.count() == 2
    listing = admin_client.get(reverse("intercoop_accounts")).content.decode()
    assert person.username in listing and "Cooperativa La Teixidora" in listing


def test_staff_suspend_a_person_of_two_initiatives_but_never_a_moderator(admin_client):
    person = member(claimable())
    Membership.objects.create(user=person, initiative=InitiativeFactory(), role="editor")
    response = admin_client.post(reverse("intercoop_suspend", args=[person.pk]), {"reason": "Correu brossa."})
    assert response.status_code == 302  # one person, however many initiatives (a 500 before)
    person.refresh_from_db()
    assert not person.is_active
    moderator = member(InitiativeFactory(), username="moderadora")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    url = reverse("intercoop_suspend", args=[moderator.pk])
    assert admin_client.post(url, {"reason": "No."}).status_code == 404
    moderator.refresh_from_db()
    assert moderator.is_active


def test_the_moderation_log_is_read_only_even_for_a_superuser(admin_client, admin_user):
    action = ModerationAction.objects.create(action="suspend", reason="Prova.", staff=admin_user)
    assert admin_client.get(reverse("wagtailsnippets_intercoop_moderationaction:list")).status_code == 200
    assert (
        admin_client.get(
            reverse("wagtailsnippets_intercoop_moderationaction:inspect", args=[action.pk])
        ).status_code
        == 200
    )
    edit = admin_client.get(reverse("wagtailsnippets_intercoop_moderationaction:edit", args=[action.pk]))
    assert edit.status_code in (302, 403)
    delete = admin_client.post(reverse("wagtailsnippets_intercoop_moderationaction:delete", args=[action.pk]))
    assert delete.status_code in (302, 403) and ModerationAction.objects.filter(pk=action.pk).exists()


def test_staff_mark_a_space_trusted(admin_client):
    initiative = claimable()
    member(initiative)
    url = reverse("wagtailsnippets_intercoop_space:edit", args=[initiative.pk])
    assert admin_client.get(url).status_code == 200
    response = admin_client.post(url, {"trusted": "on", "language": "es"})
    assert response.status_code == 302
    assert Space.objects.get(initiative=initiative).trusted


# Demo


def test_the_demo_accounts_are_made_once_and_leave_a_claimable_entry_in_sants(boundaries):
    from io import StringIO
    from types import SimpleNamespace

    from intercoop.seed import CLAIMABLE, DEMO_ACCOUNTS, claimable_initiative, seed_accounts

    for external_id in {row[0] for row in DEMO_ACCOUNTS}:
        InitiativeFactory(source="demo", external_id=external_id, email=f"hola@{external_id}.example.org")
    sants = InitiativeFactory(
        source="demo",
        external_id=CLAIMABLE,
        email="hola@sants.example.org",
        longitude=2.1330,
        latitude=41.3755,
    )
    command = SimpleNamespace(stdout=StringIO())
    seed_accounts(command)
    counts = (get_user_model().objects.count(), Membership.objects.count(), Space.objects.count())
    seed_accounts(command)
    assert (get_user_model().objects.count(), Membership.objects.count(), Space.objects.count()) == counts
    assert counts == (len(DEMO_ACCOUNTS), len(DEMO_ACCOUNTS), len({row[0] for row in DEMO_ACCOUNTS}))
    assert Space.objects.filter(trusted=True).count() == 1
    assert Membership.objects.filter(role="editor").count() == 1
    assert claimable_initiative() == sants and not sants.memberships.exists()
    assert sants.district.slug == "sants-montjuic"


def test_sentences_with_the_initiative_s_name_contract_in_catalan(client):
    initiative = InitiativeFactory(name="El Rebost", email="hola@rebost.example.org")
    page = client.get(reverse("intercoop:claim", args=[initiative.slug])).content.decode()
    assert "Gestiona la fitxa del Rebost" in page
    path = claim_link(client, initiative)
    assert mail.outbox[-1].subject == "Gestiona la fitxa del Rebost"
    assert "gestionar la fitxa del Rebost" in mail.outbox[-1].body
    assert "Actua pel Rebost" in client.get(path).content.decode()

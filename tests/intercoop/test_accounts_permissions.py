"""Who may use each view of initiative accounts, by GET and by POST: anonymous, the initiative's owner
and editor, a person of another initiative, a sector table's member (`membre-agroecologia` of the seeded
demo), a moderator (`moderador`) and staff (`admin`). A space's pages are for its people only (anyone
else gets 404, anonymous the sign-in); the staff pages in the admin are for moderators and staff."""

from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse

import pytest

from intercoop.models import AccessLink, Membership
from tests.factories import InitiativeFactory, member

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_module")]

ROLES = ["anonymous", "owner", "editor", "other", "table", "moderator", "staff"]


@pytest.fixture
def world():
    initiative = InitiativeFactory(name="Cooperativa La Teixidora", email="hola@teixidora.example.org")
    users = get_user_model().objects
    return {
        "initiative": initiative,
        "anonymous": None,
        "owner": member(initiative, "owner"),
        "editor": member(initiative, "editor"),
        "other": member(InitiativeFactory(), "owner", username="una-altra"),
        "table": users.get(username="membre-agroecologia"),
        "moderator": users.get(username="moderador"),
        "staff": users.get(username="admin"),
    }


def as_role(client, world, role):
    if world[role] is not None:
        client.force_login(world[role])
    return client


SPACE_VIEWS = ["intercoop:space", "intercoop:edit_entry", "intercoop:team"]
# GET status per role for the space's pages: members see them, everyone else is told nothing exists.
SPACE_GET = {
    "anonymous": 302,
    "owner": 200,
    "editor": 200,
    "other": 404,
    "table": 404,
    "moderator": 404,
    "staff": 404,
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("view", SPACE_VIEWS)
def test_space_pages_by_get(client, world, role, view):
    response = as_role(client, world, role).get(reverse(view, args=[world["initiative"].slug]))
    assert response.status_code == SPACE_GET[role]
    if role == "anonymous":
        assert response["Location"].startswith(reverse("intercoop:login"))


@pytest.mark.parametrize("role", ROLES)
def test_editing_the_entry_by_post(client, world, role):
    initiative = world["initiative"]
    data = {"name": "Nom canviat", "email": initiative.email}
    response = as_role(client, world, role).post(
        reverse("intercoop:edit_entry", args=[initiative.slug]), data
    )
    expected = {**SPACE_GET, "owner": 302, "editor": 302}[role]
    assert response.status_code == expected
    assert initiative.revisions.exists() == (role in ("owner", "editor"))


@pytest.mark.parametrize("role", ROLES)
def test_inviting_and_removing_by_post(client, world, role):
    """Only an owner invites and removes: an editor's POST answers 404 like a stranger's."""
    initiative = world["initiative"]
    url = reverse("intercoop:team", args=[initiative.slug])
    editor = Membership.objects.get(user=world["editor"])
    client = as_role(client, world, role)
    invite = client.post(url, {"action": "invite", "email": "nou@example.org", "role": "owner"})
    remove = client.post(url, {"action": "remove", "member": editor.pk})
    expected = {**SPACE_GET, "editor": 404, "owner": 302}[role]
    assert (invite.status_code, remove.status_code) == (expected, expected)
    owner_acted = role == "owner"
    assert AccessLink.objects.filter(purpose="invitation").exists() == owner_acted
    assert Membership.objects.filter(pk=editor.pk).exists() != owner_acted
    assert bool(mail.outbox) == owner_acted


@pytest.mark.parametrize("role", ROLES)
def test_the_list_of_spaces(client, world, role):
    response = as_role(client, world, role).get(reverse("intercoop:spaces"))
    if role == "anonymous":
        assert response.status_code == 302 and response["Location"].startswith(reverse("intercoop:login"))
    elif role in ("owner", "editor"):
        assert response["Location"] == reverse("intercoop:space", args=[world["initiative"].slug])
    elif role == "other":
        assert response.status_code == 302 and "teixidora" not in response["Location"]
    else:  # acting for no initiative: an empty list, never another's
        assert response.status_code == 200 and "Cooperativa La Teixidora" not in response.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_claiming_is_open_to_anyone_and_only_mails_the_entry(client, world, role):
    """Anyone may ask (the proof is reading the entry's inbox); the link goes to the entry, never to them."""
    url = reverse("intercoop:claim", args=[world["initiative"].slug])
    client = as_role(client, world, role)
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 200
    assert [m.to for m in mail.outbox] == [["hola@teixidora.example.org"]]


@pytest.mark.parametrize("role", ROLES)
def test_following_a_link_grants_only_what_it_says_to_whoever_holds_it(client, world, role):
    """The link is the credential: a signed-in person of any role who holds it is linked as its role
    says (owner of this one initiative), and nothing else about them changes."""
    link, token = AccessLink.issue(
        purpose="invitation", initiative=world["initiative"], email="x@example.org", role="editor"
    )
    url = reverse("intercoop:access_link", args=[token])
    client = as_role(client, world, role)
    before = (world[role].is_staff, world[role].is_superuser, world[role].is_active) if world[role] else None
    assert client.get(url).status_code == 200
    data = {
        "name": "Nova",
        "email": "nova@example.org",
        "password1": "llarga-i-rara-2026",
        "password2": "llarga-i-rara-2026",
    }
    response = client.post(url, data)
    assert response.status_code == 302
    person = world[role] or get_user_model().objects.get(email="nova@example.org")
    assert Membership.objects.get(user=person, initiative=world["initiative"]).role == (
        "owner" if role == "owner" else "editor"  # an owner keeps owning
    )
    person.refresh_from_db()
    assert (person.is_staff, person.is_superuser, person.is_active) == (before or (False, False, True))


@pytest.mark.parametrize("role", ROLES)
def test_the_staff_pages_in_the_admin(client, world, role):
    client = as_role(client, world, role)
    target = world["owner"]
    pages = [
        client.get(reverse("intercoop_accounts")),
        client.get(reverse("intercoop_suspend", args=[target.pk])),
    ]
    suspend = client.post(reverse("intercoop_suspend", args=[target.pk]), {"reason": "Prova."})
    target.refresh_from_db()
    if role in ("moderator", "staff"):
        assert [p.status_code for p in pages] == [200, 200] and suspend.status_code == 302
        assert not target.is_active
    else:
        # Without admin access Wagtail sends them to its sign-in; inside the admin, not staff: 404.
        assert all(p.status_code in (302, 403, 404) for p in [*pages, suspend])
        assert target.is_active


@pytest.mark.parametrize("role", ROLES)
def test_the_space_snippets_in_the_admin(client, world, role):
    client = as_role(client, world, role)
    response = client.get(reverse("wagtailsnippets_intercoop_space:list"))
    assert (response.status_code == 200) == (role in ("moderator", "staff"))

"""Who may do what with the intercooperation tools: every rule in one place (as mapa.permissions).

- A person acts for the initiatives they are a member of (`Membership`): an editor edits the entry and
  manages posts, agreements and mentoring; an owner also invites and removes editors.
- Staff (superusers and the Moderators group, through the `intercoop.add_moderationaction` permission)
  see everything in the admin, hide posts and suspend accounts.
- A table member (a sector table's editor group, sectors.permissions) sees the mentoring pairings of
  their table's sector and makes pairings there.
Anyone else is answered 404 for a space's pages, as if they did not exist.
"""

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.urls import reverse

from directori.models import Initiative, Sector
from sectors.models import SectorPage

from .models import Membership
from .models.accounts import Role


def is_staff(user):
    return user.is_active and user.has_perm("intercoop.add_moderationaction")


def table_sectors(user):
    """The sectors whose table `user` is a member of (their table's editor group)."""
    if not user.is_authenticated:
        return Sector.objects.none()
    tables = SectorPage.objects.filter(editor_group__in=user.groups.all())
    return Sector.objects.filter(pk__in=tables.values("sector_id"))


def initiatives_of(user):
    """The initiatives `user` acts for (none for anonymous visitors or suspended accounts)."""
    if not (user.is_authenticated and user.is_active):
        return Initiative.objects.none()
    return Initiative.objects.filter(memberships__user=user, archived_at__isnull=True)


def membership(user, initiative):
    if not (user.is_authenticated and user.is_active):
        return None
    return Membership.objects.filter(user=user, initiative=initiative).first()


def space_view(*, owner=False):
    """A view of one initiative's space, named by the URL's `slug`: the person must be logged in (else
    the space's login page) and a member of it (an owner with owner=True); anyone else gets 404. The view
    is called as view(request, initiative, ...), with `request.membership` set."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, slug, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path(), reverse("intercoop:login"))
            found = (
                Membership.objects.select_related("initiative")
                .filter(user=request.user, initiative__slug=slug, initiative__archived_at__isnull=True)
                .first()
            )
            if found is None or not request.user.is_active or (owner and found.role != Role.OWNER):
                raise Http404
            request.membership = found
            return view(request, found.initiative, *args, **kwargs)

        return wrapped

    return decorator

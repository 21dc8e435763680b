"""Initiative accounts: claiming an entry, following a one-time link, signing in and out, the space's
summary, editing the entry (through moderation unless the space is trusted) and the team."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth import views as auth_views
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse, reverse_lazy
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.collation import sorted_by_name
from directori.models import Initiative, Proposal

from .. import limits, mail
from ..forms.accounts import EntryForm, InvitationForm, LoginForm, NewAccountForm
from ..models import AccessLink, Membership, Space
from ..models.accounts import Role
from ..permissions import initiatives_of, space_view

CLAIMS_PER_HOUR = 3
INVITATIONS_PER_DAY = 20
# Accounts made here sign in with this backend (the first of AUTHENTICATION_BACKENDS, django-axes',
# only guards `authenticate` and cannot be named for `login`).
BACKEND = "django.contrib.auth.backends.ModelBackend"


def mask_email(email):
    """An e-mail address shown to anyone who asks to claim an entry: enough to recognise it (first
    letter and the domain), not enough to harvest it."""
    local, _at, domain = email.partition("@")
    return f"{local[:1]}•••@{domain}"


def send_access_link(link, token):
    """The link's e-mail, in the link's language, its address included (a moderator publishing in the
    admin, whose language may differ, sends Catalan text with a Catalan link)."""
    with translation.override(link.language):
        url = mail.absolute(reverse("intercoop:access_link", args=[token]))
    mail.send(
        [link.email],
        link.language,
        "access_link",
        {
            "link": link,
            "initiative": link.initiative,
            "url": url,
            "hours": int(AccessLink.LIFETIME.total_seconds() // 3600),
        },
    )


def issue_claim(initiative, language):
    """A claim link to the entry's public e-mail, sent: the only way its people prove who they are."""
    link, token = AccessLink.issue(
        purpose=AccessLink.Purpose.CLAIM,
        initiative=initiative,
        email=initiative.email,
        role=Role.OWNER,
        language=language,
    )
    send_access_link(link, token)
    return link


def claim(request, slug):
    """ "Manage this entry": a one-time link, valid 24 h, to the live entry's public e-mail."""
    initiative = get_object_or_404(Initiative.objects.live(), slug=slug)
    context = {
        "initiative": initiative,
        "masked_email": mask_email(initiative.email) if initiative.email else "",
    }
    if request.method == "POST" and initiative.email:
        claims = AccessLink.objects.filter(purpose=AccessLink.Purpose.CLAIM)
        if limits.over_limit(claims, "initiative", initiative, CLAIMS_PER_HOUR, limits.HOUR):
            context["over_limit"] = True
            return render(request, "intercoop/accounts/claim.html", context, status=429)
        issue_claim(initiative, translation.get_language())
        context["sent"] = True
    return render(request, "intercoop/accounts/claim.html", context)


def find_link(token):
    """The link of `token` and why it cannot be used ("" when it can): unknown, used or expired."""
    link = AccessLink.objects.select_related("initiative").filter(token_hash=AccessLink.hash(token)).first()
    if link is None or link.initiative.archived_at is not None:
        return None, "unknown"
    if link.used_at is not None:
        return link, "used"
    if link.expired:
        return link, "expired"
    return link, ""


def access_link(request, token):
    """Following a one-time link. GET only shows what it grants and how (mail scanners open links:
    it must not consume it); POST links the signed-in person, or a new account, and consumes it."""
    link, problem = find_link(token)
    if problem:
        status = 404 if problem == "unknown" else 410
        return render(request, "intercoop/accounts/link_unusable.html", {"problem": problem}, status=status)
    signed_in = request.user.is_authenticated and request.user.is_active
    form = None if signed_in else NewAccountForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and (signed_in or form.is_valid()):
        user = request.user if signed_in else form.save()
        if not consume(link, user):
            transaction.set_rollback(True)  # the account made above goes too
            return render(request, "intercoop/accounts/link_unusable.html", {"problem": "used"}, status=410)
        if not signed_in:
            login(request, user, backend=BACKEND)
        messages.success(request, _("Your account now acts for this initiative."))
        return redirect("intercoop:space", link.initiative.slug)
    owners = link.initiative.memberships.filter(role=Role.OWNER)
    if signed_in:
        owners = owners.exclude(user=request.user)
    context = {"link": link, "form": form, "role": granted_role(link, owners.exists())}
    return render(request, "intercoop/accounts/access_link.html", context)


def granted_role(link, owners):
    """The role following `link` gives: its own, except that a claim of an entry that has `owners`
    makes an editor (whoever reads the public mailbox may join, not take over)."""
    if link.purpose == AccessLink.Purpose.CLAIM and owners:
        return Role.EDITOR
    return link.role


def consume(link, user):
    """Mark the link used by `user` and grant what it grants, unless another request used it first
    (the conditional update lets exactly one of two simultaneous POSTs through). A claim of an entry
    that already has owners makes an editor, and its owners get an e-mail saying who joined."""
    now = timezone.now()
    won = AccessLink.objects.filter(pk=link.pk, used_at__isnull=True).update(used_at=now, used_by=user)
    if not won:
        return False
    space, _created = Space.objects.get_or_create(
        initiative=link.initiative, defaults={"language": link.language}
    )
    owners = list(
        link.initiative.memberships.filter(role=Role.OWNER).exclude(user=user).select_related("user")
    )
    role = granted_role(link, owners)
    if role != link.role:  # a claim where there are owners: they are told who joined
        addresses = [m.user.email for m in owners if m.user.is_active and m.user.email]
        with translation.override(space.language):
            team_url = mail.absolute(reverse("intercoop:team", args=[link.initiative.slug]))
        context = {"initiative": link.initiative, "person": display_name(user), "team_url": team_url}
        mail.send(addresses, space.language, "claim_joined", context)
    membership, created = Membership.objects.get_or_create(
        user=user, initiative=link.initiative, defaults={"role": role}
    )
    if not created and role == Role.OWNER and membership.role != Role.OWNER:
        membership.role = Role.OWNER
        membership.save(update_fields=["role"])
    return True


class LoginView(auth_views.LoginView):
    """The space's sign-in: Django's, through `authenticate(request=...)`, so django-axes throttles it
    (AXES_*; a locked-out client gets core.views.login_locked_out's public page)."""

    form_class = LoginForm
    template_name = "intercoop/accounts/login.html"
    redirect_authenticated_user = True

    def get_default_redirect_url(self):
        return reverse("intercoop:spaces")


class LogoutView(auth_views.LogoutView):
    """Sign out (POST only, as Django requires), back to the home page in the visitor's language."""

    def get_default_redirect_url(self):
        return f"/{translation.get_language()}/"


class PasswordResetView(auth_views.PasswordResetView):
    template_name = "intercoop/accounts/password_reset.html"
    email_template_name = "intercoop/mail/password_reset.txt"
    subject_template_name = "intercoop/mail/password_reset_subject.txt"
    success_url = reverse_lazy("intercoop:password_reset_done")


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "intercoop/accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "intercoop/accounts/password_reset_confirm.html"
    success_url = reverse_lazy("intercoop:password_reset_complete")


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "intercoop/accounts/password_reset_complete.html"


def spaces(request):
    """The initiatives the person acts for; with just one, its space."""
    if not request.user.is_authenticated:
        return auth_views.redirect_to_login(request.get_full_path(), reverse("intercoop:login"))
    initiatives = sorted_by_name(initiatives_of(request.user).only("name", "slug"), key=lambda i: i.name)
    if len(initiatives) == 1:
        return redirect("intercoop:space", initiatives[0].slug)
    return render(request, "intercoop/accounts/spaces.html", {"initiatives": initiatives})


@space_view()
def space(request, initiative):
    """The space's summary: the entry's state (live, changes waiting for moderation) and evaluations."""
    context = {
        "initiative": initiative,
        "section": "home",
        "space": Space.objects.get_or_create(initiative=initiative)[0],
        "pending": initiative.has_unpublished_changes,
        "evaluations": initiative.evaluations.order_by("-date"),
    }
    return render(request, "intercoop/space/home.html", context)


@space_view()
def edit_entry(request, initiative):
    """The entry's public fields. Starts from the latest revision, so a second edit continues one still
    waiting for moderation. A trusted space's edit is published at once (placing the point in its district);
    any other is saved as a revision and a pending correction in the moderators' queue, the live entry
    unchanged."""
    latest = initiative.get_latest_revision_as_object()
    form = EntryForm(request.POST or None, instance=latest)
    if request.method == "POST" and form.is_valid():
        draft = form.save(commit=False)
        form.save_m2m()  # ParentalManyToManyFields: kept on the object, stored with the revision
        revision = draft.save_revision(user=request.user)
        trusted = Space.objects.filter(initiative=initiative, trusted=True).exists()
        if trusted:
            # A space's people hold no Wagtail permission: the space's trust is the permission here.
            revision.publish(user=request.user, skip_permission_checks=True)
            messages.success(request, _("Your changes are published."))
        else:
            # One pending proposal per entry for its space's edits (a second edit continues the first),
            # told apart from the public's corrections by its message, always in the site's language.
            with translation.override(settings.LANGUAGE_CODE):
                message = _("Changes made in the initiative's space: compare the latest revision.")
            pending = Proposal.objects.filter(
                kind=Proposal.Kind.CORRECTION,
                initiative=initiative,
                status=Proposal.Status.PENDING,
                message=message,
            )
            if not pending.exists():
                Proposal.objects.create(
                    kind=Proposal.Kind.CORRECTION,
                    initiative=initiative,
                    proposer_email=request.user.email or initiative.email,
                    proposer_name=request.user.get_full_name() or request.user.get_username(),
                    message=message,
                )
            messages.success(
                request,
                _("Your changes are waiting for moderation. The public entry is unchanged until then."),
            )
        return redirect("intercoop:space", initiative.slug)
    context = {
        "initiative": initiative,
        "section": "entry",
        "form": form,
        "pending": initiative.has_unpublished_changes,
    }
    return render(request, "intercoop/space/entry.html", context)


@space_view()
def team(request, initiative):
    """Members and roles for everyone in the space; an owner invites and removes. The last owner stays."""
    is_owner = request.membership.role == Role.OWNER
    if request.method == "POST" and not is_owner:
        raise Http404
    form = InvitationForm(request.POST if request.POST.get("action") == "invite" else None)
    if request.method == "POST":
        if request.POST.get("action") == "remove":
            return remove_member(request, initiative)
        if request.POST.get("action") != "invite":
            raise Http404
        invitations = AccessLink.objects.filter(purpose=AccessLink.Purpose.INVITATION)
        if limits.over_limit(invitations, "invited_by", request.user, INVITATIONS_PER_DAY, limits.DAY):
            form.add_error(None, _("You have sent many invitations today. Try again tomorrow."))
        elif form.is_valid():
            link, token = AccessLink.issue(
                purpose=AccessLink.Purpose.INVITATION,
                initiative=initiative,
                email=form.cleaned_data["email"],
                role=form.cleaned_data["role"],
                invited_by=request.user,
                language=translation.get_language(),
            )
            send_access_link(link, token)
            messages.success(request, _("Invitation sent. The link is valid for 24 hours."))
            return redirect("intercoop:team", initiative.slug)
    members = initiative.memberships.select_related("user").order_by(
        "role", "user__first_name", "user__username"
    )
    context = {
        "initiative": initiative,
        "section": "team",
        "members": members,
        "is_owner": is_owner,
        "form": form,
    }
    return render(request, "intercoop/space/team.html", context, status=400 if form.errors else 200)


def remove_member(request, initiative):
    """An owner removes a member (themselves included: leaving), never the last owner."""
    try:
        member = initiative.memberships.select_for_update().get(pk=int(request.POST.get("member", "")))
    except (ValueError, Membership.DoesNotExist):
        raise Http404 from None
    # the owners locked too: two owners removing each other at once cannot both pass the check
    owners = len(initiative.memberships.select_for_update().filter(role=Role.OWNER))
    if member.role == Role.OWNER and owners <= 1:
        messages.error(request, _("The last owner cannot be removed: make someone else an owner first."))
        return redirect("intercoop:team", initiative.slug)
    member.delete()
    messages.success(
        request, _("%(name)s no longer acts for the initiative.") % {"name": display_name(member.user)}
    )
    if member.user_id == request.user.pk:
        return redirect("intercoop:spaces")
    return redirect("intercoop:team", initiative.slug)


def display_name(user):
    return user.get_full_name() or user.get_username()

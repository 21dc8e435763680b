"""Initiative accounts in the Wagtail admin (menu group "Intercooperation"): spaces (staff mark them
trusted), memberships, the initiative accounts with "suspend" and "reinstate" (a reason is required and
logged), and the moderation log, read only. Also the sections this part adds to public pages: "Manage
this entry" on an initiative's page and, in the site header, the link to the person's space.

Other parts add their admin pieces to the group through its submenu hook (INTERCOOP_MENU): a viewset
with `menu_hook = INTERCOOP_MENU`, or a MenuItem returned by a hook of that name."""

from django.contrib.auth import get_user_model
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.permission_policies.base import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from core.sections import INITIATIVE_PAGE, SITE_HEADER

from ..forms.accounts import SuspensionForm
from ..models import Membership, ModerationAction, Space
from ..permissions import initiatives_of, is_staff, membership

INTERCOOP_MENU = "register_intercoop_menu_item"


class ActionsPolicy(ModelPermissionPolicy):
    """The model's usual permissions, limited to `actions` whoever the user (a superuser included)."""

    def __init__(self, model, actions, **kwargs):
        super().__init__(model, **kwargs)
        self.actions = actions

    def user_has_permission(self, user, action):
        return action in self.actions and super().user_has_permission(user, action)


# A space is made by a claim, never by hand; the moderation log is a record nobody edits or deletes.
register_permission_policy(Space, ActionsPolicy(Space, {"view", "change"}))
register_permission_policy(ModerationAction, ActionsPolicy(ModerationAction, {"view"}))


class SpaceViewSet(SnippetViewSet):
    model = Space
    panels = [FieldPanel("trusted"), FieldPanel("language")]
    icon = "home"
    menu_label = gettext_lazy("Initiative spaces")
    list_display = ["initiative", "trusted", "language", "created_at"]
    list_filter = ["trusted", "language"]
    search_fields = ["initiative__name"]
    copy_view_enabled = False

    def get_queryset(self, request):
        return Space.objects.select_related("initiative")


class MembershipViewSet(SnippetViewSet):
    model = Membership
    icon = "group"
    menu_label = gettext_lazy("Memberships")
    list_display = ["user", "initiative", "role", "created_at"]
    list_filter = ["role"]
    copy_view_enabled = False

    def get_queryset(self, request):
        return Membership.objects.select_related("user", "initiative")


class ModerationActionViewSet(SnippetViewSet):
    model = ModerationAction
    icon = "doc-full"
    menu_label = gettext_lazy("Moderation log")
    list_display = ["created_at", "action", "account", "post", "staff", "reason"]
    list_filter = ["action"]
    inspect_view_enabled = True
    copy_view_enabled = False

    def get_queryset(self, request):
        return ModerationAction.objects.select_related("account", "post", "staff")


class IntercoopGroup(SnippetViewSetGroup):
    menu_label = gettext_lazy("Intercooperation")
    menu_icon = "resubmit"
    menu_order = 210
    submenu_hook = INTERCOOP_MENU
    items = (SpaceViewSet, MembershipViewSet, ModerationActionViewSet)


register_snippet(IntercoopGroup)


def accounts(request):
    """The people who act for initiatives, with their initiatives and whether they are suspended."""
    if not is_staff(request.user):
        raise Http404
    people = (
        get_user_model()
        .objects.filter(initiative_memberships__isnull=False)
        .distinct()
        .prefetch_related(Prefetch("initiative_memberships", Membership.objects.select_related("initiative")))
        .order_by("username")
    )
    return render(request, "intercoop/admin/accounts.html", {"people": people})


def set_active(request, pk, active):
    """Suspend (active=False) or reinstate an initiative account, with the reason in the moderation log."""
    if not is_staff(request.user):
        raise Http404
    # distinct: one row per person, however many initiatives they act for (a 500 otherwise); never
    # staff, nor oneself
    accounts = get_user_model().objects.filter(initiative_memberships__isnull=False, is_superuser=False)
    person = get_object_or_404(accounts.exclude(pk=request.user.pk).distinct(), pk=pk)
    if is_staff(person):
        raise Http404
    form = SuspensionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        person.is_active = active
        person.save(update_fields=["is_active"])
        ModerationAction.objects.create(
            action=ModerationAction.Action.REINSTATE_ACCOUNT
            if active
            else ModerationAction.Action.SUSPEND_ACCOUNT,
            reason=form.cleaned_data["reason"],
            account=person,
            staff=request.user,
        )
        done = _("%(name)s can sign in again.") if active else _("%(name)s is suspended and cannot sign in.")
        messages.success(request, done % {"name": person.get_username()})
        return redirect("intercoop_accounts")
    context = {"person": person, "form": form, "active": active}
    return render(request, "intercoop/admin/set_active.html", context, status=400 if form.errors else 200)


@hooks.register("register_admin_urls")
def register_account_urls():
    return [
        path("intercoop/comptes/", accounts, name="intercoop_accounts"),
        path("intercoop/comptes/<int:pk>/suspen/", set_active, {"active": False}, name="intercoop_suspend"),
        path(
            "intercoop/comptes/<int:pk>/restableix/", set_active, {"active": True}, name="intercoop_reinstate"
        ),
    ]


class StaffMenuItem(MenuItem):
    def is_shown(self, request):
        return is_staff(request.user)


@hooks.register(INTERCOOP_MENU)
def register_accounts_menu_item():
    return StaffMenuItem(
        gettext_lazy("Initiative accounts"), reverse("intercoop_accounts"), icon_name="user", order=50
    )


@hooks.register(INITIATIVE_PAGE)
def manage_entry_link(request, initiative):
    """ "Manage this entry" on the initiative's public page, or its space for the people acting for it."""
    if request is not None and membership(request.user, initiative):
        return format_html(
            '<p><a href="{}">{}</a></p>',
            reverse("intercoop:space", args=[initiative.slug]),
            _("Go to its space"),
        )
    return format_html(
        '<p><a href="{}">{}</a></p>',
        reverse("intercoop:claim", args=[initiative.slug]),
        _("Manage this entry"),
    )


@hooks.register(SITE_HEADER)
def space_link(request, _obj):
    """A small link to the person's space in every page's header, for those who act for an initiative."""
    if request is None or not request.user.is_authenticated or not initiatives_of(request.user).exists():
        return ""
    return format_html(
        '<a class="site-header__space" href="{}">{}</a>',
        reverse("intercoop:spaces"),
        _("Your initiative's space"),
    )

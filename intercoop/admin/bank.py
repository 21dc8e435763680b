"""The bank of collaborations in the Wagtail admin: every post, and the staff's "hide" and "show again",
each with a reason recorded as a ModerationAction (the owner reads it in their space)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from ..models import ModerationAction, Post
from ..permissions import is_staff


class ModerationColumn(Column):
    cell_template_name = "intercoop/admin/moderation_cell.html"


class PostViewSet(SnippetViewSet):
    model = Post
    icon = "list-ul"
    menu_label = _("Offers and needs")
    menu_order = 220
    add_to_admin_menu = True
    list_display = [
        "title",
        "initiative",
        "direction",
        "kind",
        "valid_until",
        ModerationColumn("hidden_at", label=_("Hidden by staff")),
    ]
    list_filter = ["direction", "kind", "district"]
    list_per_page = 50
    ordering = ["-created_at"]
    copy_view_enabled = False
    add_view_enabled = False  # initiatives post from their space; staff act on what they posted
    # The edit form leaves out who posted and whether staff hid it: hiding goes through its own page,
    # which asks for the reason and logs it.
    panels = [
        FieldPanel("direction"),
        FieldPanel("kind"),
        FieldPanel("title"),
        FieldPanel("description"),
        FieldPanel("sectors"),
        FieldPanel("district"),
        FieldPanel("neighbourhood"),
        FieldPanel("valid_until"),
        FieldPanel("quantity"),
    ]

    def get_queryset(self, request):
        return Post.objects.select_related("initiative")


register_snippet(PostViewSet)


class ReasonForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The initiative reads it in its space."),
    )

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("Say why."))
        return reason


def moderate_post(request, pk, hide):
    """Hide a post (it leaves the listing, its page and the map) or show it again, with a reason."""
    if not is_staff(request.user):
        raise PermissionDenied
    post = get_object_or_404(Post.objects.select_related("initiative"), pk=pk)
    if bool(post.hidden_at) == hide:  # already so: nothing to do
        return redirect("wagtailsnippets_intercoop_post:list")
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            post.hidden_at = timezone.now() if hide else None
            post.save(update_fields=["hidden_at", "updated_at"])
            ModerationAction.objects.create(
                action=ModerationAction.Action.HIDE_POST if hide else ModerationAction.Action.SHOW_POST,
                reason=form.cleaned_data["reason"],
                post=post,
                staff=request.user,
            )
        done = gettext("“%(title)s” hidden.") if hide else gettext("“%(title)s” shown again.")
        messages.success(request, done % {"title": post.title})
        return redirect("wagtailsnippets_intercoop_post:list")
    return render(request, "intercoop/admin/moderate_post.html", {"post": post, "form": form, "hide": hide})


@hooks.register("register_admin_urls")
def register_moderation_urls():
    return [
        path("intercoop/post/<int:pk>/hide/", moderate_post, {"hide": True}, name="intercoop_post_hide"),
        path("intercoop/post/<int:pk>/show/", moderate_post, {"hide": False}, name="intercoop_post_show"),
    ]

"""The bank of collaborations: its public listing, and an initiative's offers and needs in its space
(list, new, edit, withdraw). Only members of the initiative reach the space's views (space_view)."""

from datetime import timedelta

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from .. import limits
from ..bank import PostSelection
from ..forms.bank import PostForm
from ..models import ModerationAction, Post
from ..permissions import space_view

PER_PAGE = 20


@require_safe
def post_list(request):
    """/collaboracions/: listed posts only, filtered and counted as the directory is."""
    selection = PostSelection.from_params(request.GET)
    page = Paginator(selection.results(), PER_PAGE).get_page(request.GET.get("pagina"))
    context = {
        "query": selection,
        "page": page,
        "facets": selection.facets(),
        "kept": selection.query_string(),
    }
    return render(request, "intercoop/post_list.html", context)


@space_view()
def space_posts(request, initiative):
    """The initiative's posts with their state; for those staff hid, the reason they gave."""
    hidden_reasons = ModerationAction.objects.filter(action=ModerationAction.Action.HIDE_POST).order_by(
        "-created_at"
    )
    posts = (
        initiative.posts.select_related("district", "neighbourhood")
        .defer("district__geometry", "neighbourhood__geometry")
        .prefetch_related(Prefetch("moderation", queryset=hidden_reasons, to_attr="hidings"))
        .order_by("-created_at", "pk")
    )
    context = {"initiative": initiative, "section": "posts", "posts": posts, "today": timezone.localdate()}
    return render(request, "intercoop/space/posts.html", context)


@space_view()
def post_new(request, initiative):
    """A new offer or need. More than limits.POSTS_PER_DAY a day from one account answers 429."""
    if request.method == "POST" and limits.over_limit(
        Post.objects, "created_by", request.user, limits.POSTS_PER_DAY, limits.DAY
    ):
        context = {"initiative": initiative, "section": "posts", "limit": limits.POSTS_PER_DAY}
        return render(request, "intercoop/space/post_limit.html", context, status=429)
    form = PostForm(request.POST or None, instance=Post(initiative=initiative, created_by=request.user))
    if request.method == "POST" and form.is_valid():
        post = form.save()
        messages.success(request, _("Published: “%(title)s”.") % {"title": post.title})
        return redirect("intercoop:space_posts", slug=initiative.slug)
    return render(
        request,
        "intercoop/space/post_form.html",
        {"initiative": initiative, "section": "posts", "form": form},
    )


@space_view()
def post_edit(request, initiative, post_slug):
    post = get_object_or_404(initiative.posts, slug=post_slug)
    form = PostForm(request.POST or None, instance=post)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Saved: “%(title)s”.") % {"title": post.title})
        return redirect("intercoop:space_posts", slug=initiative.slug)
    context = {"initiative": initiative, "section": "posts", "form": form, "post": post}
    return render(request, "intercoop/space/post_form.html", context)


@require_POST
@space_view()
def post_withdraw(request, initiative, post_slug):
    """Ends the post: it leaves the listing and the map at once (valid until yesterday), and is kept
    for the agreements that name it. Editing it with a new date lists it again."""
    post = get_object_or_404(initiative.posts, slug=post_slug)
    post.valid_until = min(post.valid_until, timezone.localdate() - timedelta(days=1))
    post.save(update_fields=["valid_until", "updated_at"])
    messages.success(request, _("Withdrawn: “%(title)s” is no longer listed.") % {"title": post.title})
    return redirect("intercoop:space_posts", slug=initiative.slug)

"""A post's public page: an offer or a need of the bank of collaborations."""

from django.shortcuts import get_object_or_404, render

from ..matching import matches_for
from ..models import Post
from ..permissions import membership


def post_detail(request, slug):
    """Only listed posts (not hidden, not expired, from a live initiative): any other answers 404.
    Below the post, what could answer it (intercoop.matching), and the way to contact its initiative."""
    post = get_object_or_404(
        Post.objects.listed()
        .select_related("initiative__family", "district", "neighbourhood")
        .defer("district__geometry", "neighbourhood__geometry"),
        slug=slug,
    )
    context = {
        "post": post,
        "matches": matches_for(post),
        # its own people are not offered to contact themselves
        "is_member": membership(request.user, post.initiative) is not None,
    }
    return render(request, "intercoop/post_detail.html", context)

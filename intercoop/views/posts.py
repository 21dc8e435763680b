"""A post's public page: an offer or a need of the bank of collaborations."""

from django.shortcuts import get_object_or_404, render

from ..models import Post


def post_detail(request, slug):
    """Only listed posts (not hidden, not expired, from a live initiative): any other answers 404."""
    post = get_object_or_404(
        Post.objects.listed().select_related("initiative__family", "district", "neighbourhood"), slug=slug
    )
    return render(request, "intercoop/post_detail.html", {"post": post})

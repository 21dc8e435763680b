"""The bank of collaborations' demo (intercoop.seed.seed_posts), on the seeded city."""

from datetime import timedelta
from io import StringIO

from django.core.management import call_command
from django.utils import timezone

import pytest

from intercoop.models import ModerationAction, Post
from intercoop.seed import POSTS

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seeded_city")]


def test_the_demo_has_offers_and_needs_of_every_kind_sector_and_district():
    listed = Post.objects.listed()
    assert Post.objects.count() == len(POSTS) and listed.count() >= 30
    assert set(listed.values_list("direction", flat=True)) == {"offer", "need"}
    assert set(listed.values_list("kind", flat=True)) == set(Post.Kind.values)
    assert listed.values("sectors").distinct().count() >= 9
    assert listed.exclude(district=None).values("district").distinct().count() == 10
    week = timezone.localdate() + timedelta(days=7)
    assert listed.filter(valid_until__lte=week).count() >= 3
    assert Post.objects.filter(valid_until__lt=timezone.localdate()).count() == 1
    hidden = Post.objects.get(hidden_at__isnull=False)
    assert ModerationAction.objects.get(post=hidden, action="hide_post").reason


def test_the_offer_for_the_journey_is_a_space_in_sants_by_an_association():
    sala = Post.objects.listed().get(title="Sala per a tallers i formacions")
    assert (sala.direction, sala.kind, sala.neighbourhood.slug) == ("offer", "space", "sants")
    assert sala.initiative.family.slug == "associacio"
    assert [s.slug for s in sala.sectors.all()] == ["mobilitat"]


def test_seeding_again_changes_nothing():
    before = list(Post.objects.order_by("pk").values_list())
    call_command("seed_demo", force=True, stdout=StringIO())
    assert list(Post.objects.order_by("pk").values_list()) == before
    assert ModerationAction.objects.count() == 1

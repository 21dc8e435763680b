"""A post's public page (the bank of collaborations)."""

from datetime import timedelta

from django.utils import timezone

import pytest

from intercoop.models import Post
from tests.factories import InitiativeFactory, PostFactory, SectorFactory

pytestmark = pytest.mark.django_db


def make_post(**fields):
    return PostFactory(
        initiative=fields.pop("initiative", None) or InitiativeFactory(name="Coop <b>Teixits</b>"),
        title="Espai per a tallers <script>",
        description="Dues tardes\nper setmana.",
        sectors=[SectorFactory(slug="textil", name="Tèxtil")],
        **fields,
    )


def test_a_listed_post_shows_what_who_where_and_until_when_with_names_escaped(client):
    post = make_post(quantity="20 m²")
    page = client.get(post.get_absolute_url()).content.decode()
    assert "Espai per a tallers &lt;script&gt;" in page and "<script>" not in page.split("<main")[-1]
    assert "Coop &lt;b&gt;Teixits&lt;/b&gt;" in page
    assert "Tèxtil" in page and "20 m²" in page and "Tota la ciutat" in page
    assert "Dues tardes<br>per setmana." in page


@pytest.mark.parametrize(
    "change",
    [
        {"hidden_at": timezone.now()},
        {"valid_until": timezone.localdate() - timedelta(days=1)},
    ],
)
def test_a_hidden_or_expired_post_answers_404(client, change):
    post = make_post()
    Post.objects.filter(pk=post.pk).update(**change)
    assert client.get(post.get_absolute_url()).status_code == 404


def test_a_post_of_an_unpublished_initiative_answers_404(client):
    post = make_post(initiative=InitiativeFactory(live=False))
    assert client.get(post.get_absolute_url()).status_code == 404

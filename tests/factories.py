"""factory_boy factories: the few objects a test needs, made in one line, when the demo seed is more
than the test needs (tests/conftest.py: seeding is for tests that read the demo site).

An initiative's sectors and tags are ParentalManyToManyFields: they are written when the initiative is
saved, so the factory saves it again after setting them."""

from datetime import timedelta

from django.utils import timezone

import factory
from factory.django import DjangoModelFactory

from directori.models import EssFamily, Initiative, Sector


class VocabularyFactory(DjangoModelFactory):
    """A term of one of the directory's vocabularies (families, sectors), found by slug when it exists."""

    class Meta:
        abstract = True
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"terme-{n}")
    name = factory.LazyAttribute(lambda term: term.slug.replace("-", " ").capitalize())


class EssFamilyFactory(VocabularyFactory):
    class Meta:
        model = EssFamily


class SectorFactory(VocabularyFactory):
    class Meta:
        model = Sector


class InitiativeFactory(DjangoModelFactory):
    """A live initiative at Plaça del Sol (Gràcia) unless told otherwise; with the boundaries loaded,
    saving places it in its district and neighbourhood."""

    class Meta:
        model = Initiative
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Iniciativa {n}")
    longitude = 2.1574
    latitude = 41.4010
    live = True

    @factory.post_generation
    def sectors(self, create, extracted, **kwargs):
        if extracted:
            self.sectors.set(extracted)

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if extracted:
            self.tags.set(extracted)
        if create and (extracted or self.sectors.all()):
            self.save()  # the cluster's relations are written on save


def member(initiative, role="owner", username=None, password="contrasenya-de-prova-2026"):  # noqa: S107
    """A person acting for `initiative` (intercoop.Membership) with a usable password; the initiative's
    space is made if it has none."""
    from django.contrib.auth import get_user_model

    from intercoop.models import Membership, Space

    username = username or f"{initiative.slug}-{role}"
    user = get_user_model().objects.create_user(username, f"{username}@example.org", password)
    Space.objects.get_or_create(initiative=initiative)
    Membership.objects.create(user=user, initiative=initiative, role=role)
    return user


class PostFactory(DjangoModelFactory):
    """A listed need for a space, valid for a month, of a new initiative unless given one."""

    class Meta:
        model = "intercoop.Post"
        skip_postgeneration_save = True

    initiative = factory.SubFactory(InitiativeFactory)
    direction = "need"
    kind = "space"
    title = factory.Sequence(lambda n: f"Espai per a tallers {n}")
    description = "Dues tardes per setmana."
    valid_until = factory.LazyFunction(lambda: timezone.localdate() + timedelta(days=30))

    @factory.post_generation
    def sectors(self, create, extracted, **kwargs):
        if extracted:
            self.sectors.set(extracted)

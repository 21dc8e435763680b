"""What the intercooperation tools do when other apps' objects change (connected in IntercoopConfig.ready,
so that directori never imports intercoop)."""

from django.conf import settings
from django.dispatch import receiver

from wagtail.signals import published

from directori.models import Initiative, Proposal

from .models import AccessLink
from .views.accounts import issue_claim


@receiver(published, sender=Initiative)
def offer_new_initiative_its_space(sender, instance, **kwargs):
    """A new initiative proposed through the public form, published with a public e-mail and nobody
    acting for it yet, gets a claim link at that e-mail (once: not again when it is published later)."""
    if (
        instance.email
        and not instance.memberships.exists()
        and instance.proposals.filter(kind=Proposal.Kind.NEW).exists()
        and not AccessLink.objects.filter(initiative=instance, purpose=AccessLink.Purpose.CLAIM).exists()
    ):
        issue_claim(instance, settings.LANGUAGE_CODE)

"""Proposals from the public: a new initiative or a correction to one. Never live on their own: a
new initiative arrives as a draft, and a moderator publishes it (or dismisses the proposal)."""

import difflib
import math

from django.db import models
from django.utils.translation import gettext_lazy as _

from core.text import fold

from .initiatives import Initiative

DUPLICATE_DISTANCE_M = 500
DUPLICATE_SIMILARITY = 0.8


class Proposal(models.Model):
    class Kind(models.TextChoices):
        NEW = "new", _("New initiative")
        CORRECTION = "correction", _("Correction")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        DISMISSED = "dismissed", _("Dismissed")

    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    initiative = models.ForeignKey(
        Initiative,
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        related_name="proposals",
        help_text=_("The draft a new proposal created, or the initiative a correction is about."),
    )
    message = models.TextField(_("message"), blank=True)
    proposer_name = models.CharField(_("proposer's name"), max_length=120, blank=True)
    proposer_email = models.EmailField(_("proposer's e-mail"))
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    # Which client sent it, for the hourly limit (directori.proposals): a keyed hash of its address,
    # never the address itself.
    # A keyed hash of the sender's address for the hourly limit, blanked after that hour.
    client_hash = models.CharField(_("client address hash"), max_length=64, blank=True, editable=False)

    class Meta:
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_kind_display()}: {self.initiative.name}"

    def possible_duplicates(self):
        """Live initiatives with a similar name near the proposed point (or with the same postcode
        when it has no point), so a moderator does not publish the same place twice."""
        if self.kind != self.Kind.NEW:
            return []
        proposed = self.initiative
        candidates = Initiative.objects.live().exclude(pk=proposed.pk)
        if proposed.has_point:
            d_lat = DUPLICATE_DISTANCE_M / 111_000
            d_lon = d_lat / math.cos(math.radians(proposed.latitude))
            candidates = candidates.filter(
                latitude__range=(proposed.latitude - d_lat, proposed.latitude + d_lat),
                longitude__range=(proposed.longitude - d_lon, proposed.longitude + d_lon),
            )
        elif proposed.postcode:
            candidates = candidates.filter(postcode=proposed.postcode)
        else:
            return []
        name = fold(proposed.name)
        return [
            c
            for c in candidates.only("name", "slug")
            if difflib.SequenceMatcher(None, name, fold(c.name)).ratio() >= DUPLICATE_SIMILARITY
        ]

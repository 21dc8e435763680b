"""Agreements between two initiatives: recorded by either, confirmed by the other. Only confirmed ones
count (strategy goal 3.2, sector tables, districts, open data); parties are named in public only when
both consent, otherwise only counted."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from directori.models import Initiative

# Upper bounds of the values: far above any real agreement between two initiatives, low enough that one
# typing slip (or a malicious figure) cannot swamp the public totals.
MAX_HOURS = 100_000
MAX_EUROS = 10_000_000


class AgreementQuerySet(models.QuerySet):
    def confirmed(self):
        """Confirmed by the other party and not cancelled: what the counts count."""
        return self.filter(confirmed_at__isnull=False).exclude(status=Agreement.Status.CANCELLED)

    def involving(self, initiatives):
        return self.filter(models.Q(proposer__in=initiatives) | models.Q(partner__in=initiatives))


class Agreement(models.Model):
    class Status(models.TextChoices):
        # "acord" is masculine in Catalan, where a plan action's "Done" is "Feta"
        PROPOSED = "proposed", pgettext_lazy("agreement", "Proposed")
        AGREED = "agreed", pgettext_lazy("agreement", "Agreed")
        DONE = "done", pgettext_lazy("agreement", "Done")
        CANCELLED = "cancelled", pgettext_lazy("agreement", "Cancelled")

    proposer = models.ForeignKey(
        Initiative,
        verbose_name=_("recorded by"),
        on_delete=models.CASCADE,
        related_name="agreements_recorded",
    )
    partner = models.ForeignKey(
        Initiative,
        verbose_name=_("other party"),
        on_delete=models.CASCADE,
        related_name="agreements_received",
    )
    post = models.ForeignKey(
        "intercoop.Post",
        verbose_name=_("offer or need it answers"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="agreements",
    )
    what = models.CharField(_("what"), max_length=300)
    start = models.DateField(_("start"), default=timezone.localdate)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.PROPOSED)
    outcome = models.TextField(_("outcome"), blank=True, max_length=4000)
    value_hours = models.DecimalField(
        _("value in hours"),
        max_digits=10,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_HOURS)],
    )
    value_euros = models.DecimalField(
        _("value in euros"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0), MaxValueValidator(MAX_EUROS)],
    )
    confirmed_at = models.DateTimeField(_("confirmed by the other party"), null=True, blank=True)
    # Normally the other party confirms what the recorder wrote; when the other party changes what was
    # agreed after confirming, it is the recorder who must confirm it again.
    proposer_confirms = models.BooleanField(_("the recording initiative must confirm it"), default=False)
    proposer_consents = models.BooleanField(
        _("the recording initiative agrees to be named in public"), default=False
    )
    partner_consents = models.BooleanField(_("the other party agrees to be named in public"), default=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("recorded"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = AgreementQuerySet.as_manager()

    class Meta:
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        ordering = ["-start", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(proposer=models.F("partner")), name="agreement_between_two_initiatives"
            )
        ]

    def __str__(self):
        return self.what

    @property
    def named_in_public(self):
        return self.proposer_consents and self.partner_consents

    @property
    def confirming_side(self):
        """ "proposer" or "partner": the party whose confirmation it waits for (or last got)."""
        return "proposer" if self.proposer_confirms else "partner"

    def awaits(self, initiative):
        """True when `initiative` is asked to confirm or decline it now."""
        confirming = self.proposer_id if self.proposer_confirms else self.partner_id
        return (
            confirming == initiative.pk and self.confirmed_at is None and self.status != self.Status.CANCELLED
        )

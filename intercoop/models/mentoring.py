"""Mentoring ("amadrinament"): consolidated initiatives volunteer as mentors, starting ones ask for a
mentor, staff and a table's dynamisation team pair them. Meeting notes are private to the pair and staff."""

from datetime import date

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from directori.models import Initiative

STARTING_YEARS = 3  # founded this many years ago or fewer: may ask for a mentor


class Topic(models.TextChoices):
    GOVERNANCE = "governance", _("Governance")
    FINANCES = "finances", _("Finances")
    TENDERS = "tenders", _("Public tenders")
    LEGAL_FORM = "legal_form", _("Legal form")
    COMMUNICATION = "communication", _("Communication")
    DIGITAL = "digital", _("Digital tools")


def is_starting(initiative, today=None):
    """Founded in the last STARTING_YEARS years (by its year founded)."""
    year = (today or date.today()).year
    return initiative.year_founded is not None and initiative.year_founded >= year - STARTING_YEARS


class MentorOffer(models.Model):
    """A consolidated initiative volunteering as a mentor. `topics`: a list of Topic values."""

    initiative = models.OneToOneField(
        Initiative, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="mentor_offer"
    )
    topics = models.JSONField(_("topics"), default=list)
    capacity = models.PositiveSmallIntegerField(
        _("how many at once"), default=1, validators=[MinValueValidator(1), MaxValueValidator(10)]
    )
    listed = models.BooleanField(_("listed on the public page"), default=False)
    active = models.BooleanField(_("available"), default=True)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("mentor")
        verbose_name_plural = _("mentors")

    def __str__(self):
        return str(self.initiative)


class MentoringRequest(models.Model):
    """A starting initiative asking for a mentor. `topics`: a list of Topic values."""

    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="mentoring_requests"
    )
    topics = models.JSONField(_("topics"), default=list)
    goals = models.TextField(_("what it wants to achieve"), max_length=4000)
    says_starting = models.BooleanField(
        _("it is starting"), default=False, help_text=_("For initiatives founded more than three years ago.")
    )
    created_at = models.DateTimeField(_("asked"), auto_now_add=True)
    withdrawn_at = models.DateTimeField(_("withdrawn"), null=True, blank=True)

    class Meta:
        verbose_name = _("mentoring request")
        verbose_name_plural = _("mentoring requests")
        ordering = ["-created_at"]

    def __str__(self):
        return str(self.initiative)


class Pairing(models.Model):
    class Status(models.TextChoices):
        REQUESTED = "requested", _("Requested")
        PAIRED = "paired", _("Paired")
        UNDER_WAY = "under_way", _("Under way")
        CLOSED = "closed", _("Closed")

    mentor = models.ForeignKey(
        MentorOffer, verbose_name=_("mentor"), on_delete=models.CASCADE, related_name="pairings"
    )
    request = models.ForeignKey(
        MentoringRequest, verbose_name=_("request"), on_delete=models.CASCADE, related_name="pairings"
    )
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.REQUESTED)
    paired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    survey_score = models.PositiveSmallIntegerField(
        _("how useful it was (1–5)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    survey_text = models.TextField(_("what it gave"), blank=True, max_length=4000)

    class Meta:
        verbose_name = _("mentoring pairing")
        verbose_name_plural = _("mentoring pairings")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.mentor} → {self.request}"


class Meeting(models.Model):
    pairing = models.ForeignKey(
        Pairing, verbose_name=_("pairing"), on_delete=models.CASCADE, related_name="meetings"
    )
    date = models.DateField(_("date"))
    topic = models.CharField(_("topic"), max_length=16, choices=Topic.choices)
    notes = models.TextField(_("notes (private to the pair and staff)"), blank=True, max_length=8000)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["date", "pk"]

    def __str__(self):
        return f"{self.date} · {self.get_topic_display()}"

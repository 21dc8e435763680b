"""Who acts for an initiative: people (Django users, outside the Wagtail admin) linked to it as owner or
editor, the one-time links that create those links, and the initiative's space on the site."""

import hashlib
import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from directori.models import Initiative


class Role(models.TextChoices):
    OWNER = "owner", _("Owner")
    EDITOR = "editor", _("Editor")


class Space(models.Model):
    """An initiative's space on the site ("L'espai de la teva iniciativa"), made when it is first
    claimed. `trusted`: staff trust its people, so their edits to the entry publish at once instead of
    going to moderation. `language`: the one its e-mails (messages, reminders) are written in."""

    initiative = models.OneToOneField(
        Initiative,
        verbose_name=_("initiative"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="space",
    )
    trusted = models.BooleanField(
        _("trusted"), default=False, help_text=_("Its edits to the entry are published without moderation.")
    )
    language = models.CharField(
        _("language of its e-mails"), max_length=2, choices=settings.LANGUAGES, default="ca"
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("initiative space")
        verbose_name_plural = _("initiative spaces")

    def __str__(self):
        return str(self.initiative)


class Membership(models.Model):
    """A person acting for an initiative. Several per initiative; an owner invites and removes editors."""

    Role = Role

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("person"),
        on_delete=models.CASCADE,
        related_name="initiative_memberships",
    )
    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.EDITOR)
    created_at = models.DateTimeField(_("since"), auto_now_add=True)

    class Meta:
        verbose_name = _("initiative membership")
        verbose_name_plural = _("initiative memberships")
        constraints = [
            models.UniqueConstraint(fields=["user", "initiative"], name="membership_one_per_person")
        ]

    def __str__(self):
        return f"{self.user} · {self.initiative} ({self.get_role_display()})"


class AccessLink(models.Model):
    """A one-time link sent by e-mail: a claim of an initiative's entry (to its public e-mail), or an
    owner's invitation of an editor. Only a hash of the token is stored; the token is in the e-mail."""

    LIFETIME = timedelta(hours=24)
    Role = Role

    class Purpose(models.TextChoices):
        CLAIM = "claim", _("Claim of the entry")
        INVITATION = "invitation", _("Invitation")

    purpose = models.CharField(_("purpose"), max_length=12, choices=Purpose.choices)
    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="access_links"
    )
    email = models.EmailField(_("sent to"))
    role = models.CharField(_("role"), max_length=10, choices=Role.choices)
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES, default="ca")
    created_at = models.DateTimeField(_("sent"), default=timezone.now)
    used_at = models.DateTimeField(_("used"), null=True, blank=True)
    used_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("access link")
        verbose_name_plural = _("access links")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_purpose_display()}: {self.initiative} → {self.email}"

    @staticmethod
    def hash(token):
        return hashlib.sha256(token.encode()).hexdigest()

    @classmethod
    def issue(cls, **fields):
        """A new link and its token (for the e-mail only: the database keeps its hash)."""
        token = secrets.token_urlsafe(32)
        return cls.objects.create(token_hash=cls.hash(token), **fields), token

    @property
    def expired(self):
        return timezone.now() >= self.created_at + self.LIFETIME


class ModerationAction(models.Model):
    """What staff did against abuse, and why: hiding a post, suspending an account, and undoing them."""

    class Action(models.TextChoices):
        HIDE_POST = "hide_post", _("Post hidden")
        SHOW_POST = "show_post", _("Post shown again")
        SUSPEND_ACCOUNT = "suspend", _("Account suspended")
        REINSTATE_ACCOUNT = "reinstate", _("Account reinstated")

    action = models.CharField(_("action"), max_length=12, choices=Action.choices)
    reason = models.TextField(_("reason"))
    post = models.ForeignKey(
        "intercoop.Post", null=True, blank=True, on_delete=models.CASCADE, related_name="moderation"
    )
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    staff = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="moderation_actions",
    )
    created_at = models.DateTimeField(_("when"), auto_now_add=True)

    class Meta:
        verbose_name = _("moderation action")
        verbose_name_plural = _("moderation actions")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.get_action_display()}: {self.reason}"

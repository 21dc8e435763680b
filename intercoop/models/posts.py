"""The bank of collaborations: what initiatives offer and what they need, and the messages the site
carries between them (the poster's e-mail is never shown)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.text import fold
from directori.models import District, Initiative, Neighbourhood, Sector
from directori.slugs import FreeSlugs, slug_base


class PostQuerySet(models.QuerySet):
    def listed(self):
        """What the public sees: not hidden by staff, still valid, from a live initiative."""
        return self.filter(
            hidden_at__isnull=True,
            valid_until__gte=timezone.localdate(),
            initiative__live=True,
            initiative__archived_at__isnull=True,
        )


class Post(models.Model):
    class Direction(models.TextChoices):
        OFFER = "offer", _("Offer")
        NEED = "need", _("Need")

    class Kind(models.TextChoices):
        SERVICES = "services", _("Services")
        SPACE = "space", _("Space")
        EQUIPMENT = "equipment", _("Equipment")
        KNOWLEDGE = "knowledge", _("Knowledge")
        VOLUNTEERING = "volunteering", _("Volunteering")
        SUPPLY = "supply", _("Supply and purchase")
        FINANCING = "financing", _("Financing")

    initiative = models.ForeignKey(
        Initiative, verbose_name=_("initiative"), on_delete=models.CASCADE, related_name="posts"
    )
    direction = models.CharField(_("offer or need"), max_length=6, choices=Direction.choices)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=160)
    slug = models.SlugField(_("slug"), max_length=200, unique=True, blank=True)
    description = models.TextField(_("description"), max_length=4000)
    sectors = models.ManyToManyField(Sector, verbose_name=_("sectors"), blank=True, related_name="posts")
    # Neither: the whole city. A neighbourhood implies its district (set on save).
    district = models.ForeignKey(
        District,
        verbose_name=_("district"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="posts",
    )
    neighbourhood = models.ForeignKey(
        Neighbourhood,
        verbose_name=_("neighbourhood"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="posts",
    )
    valid_until = models.DateField(_("valid until"))
    quantity = models.CharField(
        _("quantity or frequency"), max_length=120, blank=True, help_text=_("E.g. 20 m², 3 hours a week.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="posts"
    )
    created_at = models.DateTimeField(_("published"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    hidden_at = models.DateTimeField(_("hidden by staff"), null=True, blank=True)
    reminded_at = models.DateTimeField(_("expiry reminder sent"), null=True, blank=True, editable=False)
    # Title and description folded (no accents, lower case), as Initiative.search_text: the listing's
    # text filter matches words and need words the same way on SQLite and PostgreSQL.
    search_text = models.TextField(editable=False, default="")

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("offer or need")
        verbose_name_plural = _("offers and needs")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["direction", "kind", "valid_until"])]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if not self.slug:
            taken = Post.objects.filter(slug__startswith=slug_base(self.title)).values_list("slug", flat=True)
            self.slug = FreeSlugs(taken).take(self.title)
        if self.neighbourhood_id:
            self.district_id = self.neighbourhood.district_id
        self.search_text = fold(f"{self.title} {self.description}")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        from django.urls import reverse

        return reverse("intercoop:post", kwargs={"slug": self.slug})

    @property
    def area(self):
        """The neighbourhood, else the district, else None (the whole city)."""
        return self.neighbourhood or self.district


class ContactMessage(models.Model):
    """A message sent through the site to the initiative behind a post, kept for the rate limit and
    for staff to act on abuse."""

    post = models.ForeignKey(Post, verbose_name=_("post"), on_delete=models.CASCADE, related_name="messages")
    sender = models.ForeignKey(
        Initiative, verbose_name=_("from"), on_delete=models.CASCADE, related_name="sent_messages"
    )
    sent_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="sent_messages"
    )
    body = models.TextField(_("message"), max_length=4000)
    created_at = models.DateTimeField(_("sent"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.sender} → {self.post}"

"""What every page of the sector tables shares: the introduction field and the search fields."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page
from wagtail.search import index

introduction_field = models.TextField(
    _("introduction"),
    blank=True,
    help_text=_("One or two sentences shown under the title, in lists and in search."),
)
page_search_fields = [*Page.search_fields, index.SearchField("introduction"), index.SearchField("body")]

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DirectoriConfig(AppConfig):
    """ESS initiatives, families, districts and neighbourhoods; depends on no other domain app."""

    name = "directori"
    verbose_name = _("Directory")
    default_auto_field = "django.db.models.BigAutoField"

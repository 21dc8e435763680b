from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SectorsConfig(AppConfig):
    """Sector tables, their work plans and tractor projects; may use directori."""

    name = "sectors"
    verbose_name = _("Sector tables")

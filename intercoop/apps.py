from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class IntercoopConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "intercoop"
    verbose_name = _("Intercooperation")

    def ready(self):
        from . import signals  # noqa: F401 (connects its receivers)

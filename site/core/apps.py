from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """Site-wide pieces every app shares: home and standard pages, shared blocks, navigation."""

    name = "core"
    verbose_name = _("Site")

    def ready(self):
        from . import collation  # noqa: F401 - registers the SQLite collations on each new connection
        from .workflow_names import install

        install()  # the moderation workflow's name in the admin user's language

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SectorsConfig(AppConfig):
    """Sector tables, their work plans and tractor projects; may use directori."""

    name = "sectors"
    verbose_name = _("Sector tables")

    def ready(self):
        from django.db.models.signals import post_delete, post_save

        from wagtail.signals import page_published, page_unpublished

        from . import crisis
        from .models import CoordinationTablePage, SectorNewsPage, SectorPage, TractorProjectPage
        from .models.common import copy_facts
        from .permissions import give_table_its_group

        post_save.connect(give_table_its_group, sender=SectorPage, dispatch_uid="sectors_table_group")
        for model in (SectorPage, TractorProjectPage, SectorNewsPage):
            page_published.connect(copy_facts, sender=model, dispatch_uid=f"sectors_facts_{model.__name__}")
        for signal in (page_published, page_unpublished, post_delete):
            signal.connect(
                crisis.forget, sender=CoordinationTablePage, dispatch_uid=f"sectors_crisis_{id(signal)}"
            )

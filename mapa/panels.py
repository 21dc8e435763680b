"""The saved embed's admin form shows, beside its fields, the live preview and the code of what is
being edited: the same script as the public builders (site/static/js/embed-builder.js) reads the form's
fields on each change and asks mapa:embed_code, which builds them into an unsaved MapEmbed's options.
So the code is written by EmbedOptions there too, and an editor sees the result before saving."""

from django.conf import settings

from wagtail.admin.panels import Panel

from core.language import current_language

from .models import MapEmbed

# The form's fields the preview reads: what decides the view, the slug for the code's address, and
# the panel's own language select.
PREVIEWED_FIELDS = ("slug", *MapEmbed.VIEW_FIELDS, "idioma")


class EmbedPreviewPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "mapa/admin/embed_preview_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(
                fields=" ".join(PREVIEWED_FIELDS),
                languages=settings.LANGUAGES,
                language=current_language(),
                height=self.instance.height,
            )
            return context

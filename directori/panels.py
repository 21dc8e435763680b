from django.utils.translation import gettext as _

from wagtail.admin.panels import Panel

from .maps import city_svg


class PointPreviewPanel(Panel):
    """Read-only map of where the saved initiative is, with the district and neighbourhood it got."""

    class BoundPanel(Panel.BoundPanel):
        template_name = "directori/admin/point_preview_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            initiative = self.instance
            if not initiative.pk or not initiative.has_point:
                status = _("No point yet: give a latitude and longitude and save.")
            elif initiative.outside_city:
                status = _("The point is outside Barcelona: it is kept, but in no district.")
            else:
                status = _("District: %(district)s · Neighbourhood: %(neighbourhood)s") % {
                    "district": initiative.district or "—",
                    "neighbourhood": initiative.neighbourhood or "—",
                }
            context["status"] = status
            context["map"] = city_svg(
                initiative.longitude if initiative.pk else None,
                initiative.latitude if initiative.pk else None,
                highlight_district_id=initiative.district_id,
                label=status,
            )
            return context

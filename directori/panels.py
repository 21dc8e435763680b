from django.utils.translation import gettext as _

from wagtail.admin.panels import Panel

from .svg_map import city_svg


class PointPreviewPanel(Panel):
    """Read-only map of the point being edited, with the district and neighbourhood it falls in.

    Placed when the panel renders, from the coordinates shown (a draft may have moved the point
    since the live version was placed).
    """

    class BoundPanel(Panel.BoundPanel):
        template_name = "directori/admin/point_preview_panel.html"

        def get_context_data(self, parent_context=None):
            from .models import District, Neighbourhood  # models import this module
            from .placement import current_index

            context = super().get_context_data(parent_context)
            initiative = self.instance
            district = neighbourhood = None
            if not initiative.has_point:
                status = _("No point yet: give a latitude and longitude and save.")
            elif current_index().empty:
                status = _("District and neighbourhood unknown: no boundaries are loaded.")
            else:
                districts, neighbourhoods = current_index().locate(
                    [initiative.longitude], [initiative.latitude]
                )
                district = District.objects.filter(pk=int(districts[0])).first()
                neighbourhood = Neighbourhood.objects.filter(pk=int(neighbourhoods[0])).first()
                if district is None:
                    status = _("The point is outside Barcelona: it is kept, but in no district.")
                else:
                    status = _("District: %(district)s · Neighbourhood: %(neighbourhood)s") % {
                        "district": district,
                        "neighbourhood": neighbourhood or "—",
                    }
            context["status"] = status
            context["map"] = city_svg(
                initiative.longitude,
                initiative.latitude,
                highlight_district_id=district and district.pk,
                label=status,
            )
            return context

"""The economic pole's admin form: its area can be pasted as GeoJSON (drawn in uMap, geojson.io or a
GIS), checked before it is stored."""

import json

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminModelForm

import shapely
from shapely.geometry import mapping
from shapely.geometry import shape as to_shape

BARCELONA = shapely.box(2.04, 41.30, 2.24, 41.48)  # the municipality with a margin (lon/lat)


class EconomicPoleForm(WagtailAdminModelForm):
    area_geojson = forms.CharField(
        label=_("Area as GeoJSON"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "A Polygon or MultiPolygon in longitude/latitude (WGS84), as uMap or geojson.io export it. "
            "Leave empty to use the neighbourhoods chosen below."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.area is not None:
            self.initial["area_geojson"] = json.dumps(mapping(self.instance.area))

    def clean_area_geojson(self):
        text = self.cleaned_data["area_geojson"].strip()
        if not text:
            return None
        try:
            data = json.loads(text)
            if data.get("type") == "FeatureCollection" and len(data.get("features", [])) == 1:
                data = data["features"][0]
            geometry = to_shape(data.get("geometry", data) if data.get("type") == "Feature" else data)
        except (ValueError, AttributeError, TypeError, KeyError, shapely.errors.GeometryTypeError):
            raise forms.ValidationError(_("This is not a GeoJSON geometry.")) from None
        if geometry.geom_type not in ("Polygon", "MultiPolygon") or geometry.is_empty:
            raise forms.ValidationError(_("The area must be a Polygon or a MultiPolygon."))
        if not geometry.is_valid:
            raise forms.ValidationError(_("The polygon crosses itself; draw it again."))
        if not BARCELONA.contains(geometry):
            raise forms.ValidationError(
                _("The area is not inside Barcelona: are longitude and latitude in that order?")
            )
        return geometry

    def save(self, commit=True):
        self.instance.area = self.cleaned_data.get("area_geojson")
        return super().save(commit=commit)


class MapEmbedForm(WagtailAdminModelForm):
    """A saved embed's form, limited to what its user keeps (mapa.permissions): a district office
    chooses only its own district and that district's neighbourhoods, and its new embeds become its
    own; staff choose any district and which office, if any, owns the embed. A value posted from
    outside those choices is a field error, as for any select."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.contrib.auth.models import Group

        from directori.models import District, Neighbourhood

        from .permissions import is_staff, offices

        self.offices = (
            [] if self.for_user is None or is_staff(self.for_user) else list(offices(self.for_user))
        )
        if "owner" in self.fields:
            if self.offices:
                del self.fields["owner"]
            else:
                self.fields["owner"].queryset = Group.objects.exclude(district_office=None).order_by("name")
        if self.offices and "district" in self.fields:
            districts = District.objects.filter(pk__in=[o.district_id for o in self.offices])
            self.fields["district"].queryset = districts
            self.fields["district"].required = True
            self.fields["district"].empty_label = None
            if "neighbourhood" in self.fields:
                self.fields["neighbourhood"].queryset = Neighbourhood.objects.filter(district__in=districts)

    def clean(self):
        cleaned = super().clean()
        district, neighbourhood = cleaned.get("district"), cleaned.get("neighbourhood")
        if district and neighbourhood and neighbourhood.district_id != district.pk:
            self.add_error("neighbourhood", _("The neighbourhood is not in the chosen district."))
        owner = cleaned.get("owner")
        office = getattr(owner, "district_office", None) if owner else None
        if office and (district is None or office.district_id != district.pk):
            # the office would see an embed of another district, and its form would move it home
            self.add_error("owner", _("An office keeps its own district's embeds: choose that district."))
        return cleaned

    def save(self, commit=True):
        if self.offices:  # an office's embed is the office's of its district
            district_id = self.instance.district_id
            self.instance.owner_id = next(o.group_id for o in self.offices if o.district_id == district_id)
        return super().save(commit=commit)

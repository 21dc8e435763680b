"""Who keeps which saved embed: a group per district office (`DistrictOffice`) adds, edits and deletes
the embeds of its own district only, and sees no other office's embeds nor their usage; staff (a
superuser, or a group holding the embeds' rights that is not an office, e.g. Editors or Moderators)
see all of them. Everything that limits an office reads `offices()` and `visible_embeds()` here:
the admin's listing, its edit, delete, copy, history, usage and inspect views, its chooser and bulk
actions (mapa.wagtail_hooks), the site history report (`SiteHistory`), the embed form (mapa.forms.MapEmbedForm) and the usage report
(mapa.usage).

`sync_office_group` is idempotent, like sectors.permissions.sync_table_group: the seed calls it for
each district, and calling it again only adds what is missing.
"""

from django.contrib.admin.utils import unquote
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.http import Http404

from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.models import ModelLogEntry
from wagtail.permission_policies import ModelPermissionPolicy

from .models import DistrictOffice, MapEmbed

EMBED_PERMISSIONS = ("add_mapembed", "change_mapembed", "delete_mapembed", "view_mapembed")


def office_group_name(district):
    """ "Oficina del districte de Gràcia", "… de l'Eixample", "… d'Horta-Guinardó", "… de les Corts"."""
    name = district.name
    if name == "Eixample":  # the one district named with its article
        return "Oficina del districte de l'Eixample"
    if name.startswith("Les "):
        return f"Oficina del districte de les {name[4:]}"
    if name[:1].lower() in "aeiouhàèéíòóú":
        return f"Oficina del districte d'{name}"
    return f"Oficina del districte de {name}"


def sync_office_group(district):
    """The district's office group, created if needed, with the admin and the embeds' rights."""
    office = DistrictOffice.objects.filter(district=district).select_related("group").first()
    if office is None:
        group, _created = Group.objects.get_or_create(name=office_group_name(district))
        office = DistrictOffice.objects.create(district=district, group=group)
    office.group.permissions.add(
        *Permission.objects.filter(content_type__app_label="wagtailadmin", codename="access_admin"),
        *Permission.objects.filter(content_type__app_label="mapa", codename__in=EMBED_PERMISSIONS),
    )
    return office.group


def offices(user):
    """The district offices `user` works for (none for staff and for anonymous visitors)."""
    if not user.is_authenticated or user.is_superuser:
        return DistrictOffice.objects.none()
    return DistrictOffice.objects.filter(group__user=user).select_related("district", "group")


def is_staff(user):
    """Sees and keeps every embed: a superuser, or a member of a group with the embeds' rights that
    is not a district office's."""
    if not user.is_authenticated:
        return False
    return user.is_superuser or (
        Group.objects.filter(
            user=user, district_office=None, permissions__codename="change_mapembed"
        ).exists()
    )


def visible_embeds(user):
    """The saved embeds `user` may see and keep in the admin."""
    if is_staff(user):
        return MapEmbed.objects.all()
    return MapEmbed.objects.filter(owner__in=[office.group_id for office in offices(user)])


class OwnEmbedsOnly:
    """For the admin views of one embed: another office's embed is not found (404), whether asked
    for by GET or POST, exactly as one that does not exist."""

    def get_object(self, *args, **kwargs):
        try:  # before Wagtail's own checks, some of which answer with a redirect instead
            visible = visible_embeds(self.request.user).filter(pk=unquote(str(self.kwargs["pk"]))).exists()
        except (KeyError, ValueError):
            visible = False
        if not visible:
            raise Http404
        return super().get_object(*args, **kwargs)


class EmbedPermissionPolicy(ModelPermissionPolicy):
    """The model's rights, limited to the embeds the user may see: Wagtail asks it for the buttons of
    the listing and for bulk actions (a bulk delete of another office's embed is refused)."""

    def user_has_permission_for_instance(self, user, action, instance):
        return super().user_has_permission_for_instance(user, action, instance) and (
            visible_embeds(user).filter(pk=instance.pk).exists()
        )

    def instances_user_has_any_permission_for(self, user, actions):
        return super().instances_user_has_any_permission_for(user, actions) & visible_embeds(user)


class SiteHistory(LogEntriesView):
    """Wagtail's site history report lists every log entry of a model to anyone holding a right on it,
    so an office (rights on MapEmbed) would read other offices' embeds' names and edits there. The
    same report without the entries of embeds the user may not see; site/config/urls.py routes the
    report's two addresses here, ahead of Wagtail's."""

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        user = self.request.user
        if queryset.model is not ModelLogEntry or is_staff(user):
            return queryset
        own = [str(pk) for pk in visible_embeds(user).values_list("pk", flat=True)]
        embeds = ContentType.objects.get_for_model(MapEmbed)
        return queryset.exclude(Q(content_type=embeds) & ~Q(object_id__in=own))

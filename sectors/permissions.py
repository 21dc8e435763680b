"""Who may edit a sector table: one Wagtail group per table, allowed to add and edit (never publish)
pages inside that table's page, in every language, and to upload images and documents to the
table's own collection. Publishing goes through the moderation workflow (Moderators approve).

`sync_table_group` is idempotent; it runs when a table page (or a translation of it) is created and
from the demo seed.
"""

from django.contrib.auth.models import Group, Permission

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission

PAGE_PERMISSIONS = ("add_page", "change_page")
COLLECTION_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
)


def sync_table_group(page):
    """The table's group, created if needed, with its rights on every translation of `page`."""
    from .models import SectorPage

    translations = list(
        SectorPage.objects.filter(translation_key=page.translation_key).select_related("locale")
    )
    group = next((p.editor_group for p in translations if p.editor_group_id), None)
    if group is None:
        group, _ = Group.objects.get_or_create(name=f"Taula sectorial: {page.sector.name}")
    group.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    _grant_collection(group)
    page_permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS
    )
    for translation in translations:
        for permission in page_permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=translation, permission=permission)
    SectorPage.objects.filter(pk__in=[p.pk for p in translations]).exclude(editor_group=group).update(
        editor_group=group
    )
    return group


def _grant_collection(group):
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=group.name).first() or root.add_child(name=group.name)
    for app_label, codename in COLLECTION_PERMISSIONS:
        permission = Permission.objects.get(content_type__app_label=app_label, codename=codename)
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=collection, permission=permission
        )
        if codename.startswith("choose_"):  # and choose what others uploaded
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root, permission=permission
            )

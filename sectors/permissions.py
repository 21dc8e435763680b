"""Who may edit a sector table: one Wagtail group per table, allowed to add and edit (never publish)
pages inside that table's page, in every language, to translate them, and to upload images and
documents to the table's own collection. Publishing goes through the moderation workflow (Moderators
approve). The group belongs to the table (`SectorPage.editor_group`), not to its sector or title.

`sync_table_group` is idempotent. It runs from ONE place, the `post_save` of `SectorPage` (below), so
every way a table comes to be (the admin's create and translate views, `add_child` or `copy` in a
shell, the seed) gives it its group (the admin's copy view refuses tables: see wagtail_hooks); the model keeps the group out of revisions and copies
(`SectorPage.with_content_json`, `exclude_fields_in_copy`), so publishing an older revision or copying
a table can never clear it or share another table's. A deleted table's group stays (its members are
people to keep); the next table of the same sector takes it back (`_orphan_group`).
"""

import re

from django.contrib.auth.models import Group, Permission
from django.db.models import F

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
    if group is None:  # a new table: a group of its own, never another table's
        group = _orphan_group(page.sector) or Group.objects.create(name=_free_name(_group_name(page.sector)))
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label__in=("wagtailadmin", "simple_translation"),
            codename__in=("access_admin", "submit_translation"),
        )
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
    # The caller's object too: the admin and `add_child` go on to save a revision from it, which must
    # not carry an empty group.
    page.editor_group = group
    return group


def give_table_its_group(sender, instance, created, raw=False, **kwargs):
    """post_save of SectorPage: a new table, a new translation or copy of one, or a table saved without
    its group, gets its editors' rights (fixtures, `raw`, are left as they are)."""
    if not raw and (created or instance.editor_group_id is None):
        sync_table_group(instance)


def _group_name(sector):
    return f"Taula sectorial: {sector.name}"


def _orphan_group(sector):
    """The group a deleted table of this sector left behind, so that a new table of the sector gets its
    members back instead of an empty `… (2)` beside them. Only a group this module made for a table
    qualifies: named for the sector (`Taula sectorial: X` or `… (n)`), holding no table, and with its
    rights on the collection of its own name (`_grant_collection`); a group an admin made by hand
    under a similar name does not."""
    from .models import SectorPage

    name = _group_name(sector)
    pattern = rf"^{re.escape(name)}( \(\d+\))?$"
    held = SectorPage.objects.exclude(editor_group=None).values("editor_group")
    orphans = (
        Group.objects.filter(name__regex=pattern)
        .exclude(pk__in=held)
        .filter(
            collection_permissions__collection__name=F("name"),
            collection_permissions__permission__codename="add_image",
        )
        .order_by("pk")
    )
    return orphans.first()


def _free_name(name):
    """`name`, or `name (2)`, `name (3)`… if another group holds it."""
    taken = set(Group.objects.filter(name__startswith=name).values_list("name", flat=True))
    candidates = (name if n == 1 else f"{name} ({n})" for n in range(1, len(taken) + 2))
    return next(c for c in candidates if c not in taken)


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

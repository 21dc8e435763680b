"""Merge the orphan editor groups into the tables' real ones.

Until this release, publishing a new table's first revision cleared its `editor_group` (the revision
was taken before the group was set), so the next sync gave the table a second group: the seed left
"Taula sectorial: X" (rights on the Catalan page only, its own collection, no dashboard panel) beside
the real "Taula sectorial: X (2)", and a table created in the admin kept only the orphan. Here every
"Taula sectorial: …" group that holds rights on a table's pages but is not that table's group is
merged into it: its members, permissions, page rights and collection rights move over, then it is
deleted. A table left with no group takes the orphan as its group. A table's group gets add and edit
rights on every translation of the table. On a fresh database there is nothing to do.
"""

from django.db import migrations

GROUP_PREFIX = "Taula sectorial: "
PAGE_PERMISSIONS = ("add_page", "change_page")


def merge_orphan_groups(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    SectorPage = apps.get_model("sectors", "SectorPage")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")

    tables = {}
    for page in SectorPage.objects.order_by("pk"):
        tables.setdefault(page.translation_key, []).append(page)
    in_use = set(SectorPage.objects.exclude(editor_group=None).values_list("editor_group_id", flat=True))
    page_permissions = list(
        Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=PAGE_PERMISSIONS)
    )

    for translations in tables.values():
        real = next((p.editor_group_id for p in translations if p.editor_group_id), None)
        orphans = list(
            Group.objects.filter(
                name__startswith=GROUP_PREFIX,
                page_permissions__page__in=[p.pk for p in translations],
            )
            .exclude(pk__in=in_use)
            .distinct()
            .order_by("pk")
        )
        if real is None:
            if not orphans:
                continue
            real = orphans.pop(0).pk
            in_use.add(real)
        for orphan in orphans:
            _merge(orphan, Group.objects.get(pk=real), GroupPagePermission, GroupCollectionPermission)
        SectorPage.objects.filter(pk__in=[p.pk for p in translations]).update(editor_group_id=real)
        for page in translations:
            for permission in page_permissions:
                GroupPagePermission.objects.get_or_create(
                    group_id=real, page_id=page.pk, permission=permission
                )


def _merge(orphan, group, GroupPagePermission, GroupCollectionPermission):
    """Everything `orphan` gives its members, given by `group`; then `orphan` goes."""
    group.user_set.add(*orphan.user_set.all())
    group.permissions.add(*orphan.permissions.all())
    for right in GroupPagePermission.objects.filter(group=orphan):
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=right.page_id, permission_id=right.permission_id
        )
    for right in GroupCollectionPermission.objects.filter(group=orphan):
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection_id=right.collection_id, permission_id=right.permission_id
        )
    orphan.delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("sectors", "0004_map_block"),
    ]

    operations = [migrations.RunPython(merge_orphan_groups, migrations.RunPython.noop)]

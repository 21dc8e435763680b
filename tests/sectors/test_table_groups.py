"""A table's editor group cannot drift (issue 13, point 8): however a table is created or published
(the admin's create, copy and translate views, `add_child` then publish in a shell, the seed) it has
one group, with rights on every translation, a collection and the dashboard panel for its members;
and migration 0005 merges the orphan groups older releases left behind."""

import importlib

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.test import TestCase

from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Locale

from directori.models import Sector
from sectors.models import SectorIndexPage, SectorPage
from tests.sectors.conftest import SeededSiteTestCase
from tests.sectors.test_permissions import edit_form, table

merge_orphan_groups = importlib.import_module(
    "sectors.migrations.0005_merge_orphan_table_groups"
).merge_orphan_groups

PREFIX = "Taula sectorial: "


def translations(page):
    return list(SectorPage.objects.filter(translation_key=page.translation_key).order_by("locale_id"))


class TableGroupTest(SeededSiteTestCase):
    def setUp(self):
        self.admin = get_user_model().objects.get(username="admin")
        self.index = SectorIndexPage.objects.get(locale__language_code="ca")
        self.circular = Sector.objects.get(slug="economia-circular")

    def assertTableGroup(self, page):
        """What a member of the table's group gets: add and edit on every translation, the table's
        collection, and the dashboard panel leading to each translation's editor."""
        pages = translations(page)
        group = pages[0].editor_group
        assert group is not None and group.name.startswith(PREFIX)
        assert {p.editor_group_id for p in pages} == {group.pk}
        rights = {(r.page_id, r.permission.codename) for r in GroupPagePermission.objects.filter(group=group)}
        assert rights == {(p.pk, c) for p in pages for c in ("add_page", "change_page")}
        collection = Collection.objects.get(name=group.name)
        assert GroupCollectionPermission.objects.filter(
            group=group, collection=collection, permission__codename="add_image"
        ).exists()
        member, _ = get_user_model().objects.get_or_create(username=f"membre-{group.pk}")
        member.groups.add(group)
        self.client.force_login(member)
        dashboard = self.client.get("/admin/").content.decode()
        for p in pages:
            assert f"/admin/pages/{p.pk}/edit/" in dashboard, p.locale
            assert self.client.get(f"/admin/pages/{p.pk}/edit/").status_code == 200
        return group

    def test_the_seed_gives_each_table_one_group_and_leaves_no_orphan(self):
        tables = SectorPage.objects.filter(locale__language_code="ca")
        groups = Group.objects.filter(name__startswith=PREFIX)
        assert sorted(g.name for g in groups) == sorted(f"{PREFIX}{t.sector.name}" for t in tables)
        for page in tables:
            assert len(translations(page)) == 3
            self.assertTableGroup(page)

    def test_a_table_created_and_translated_in_the_admin_has_its_group_on_every_translation(self):
        self.client.force_login(self.admin)
        form = edit_form(
            table("consum"),
            title="Taula d'economia circular",
            slug="economia-circular",
            sector=self.circular.pk,
            **{"action-publish": "1"},
        )
        response = self.client.post(f"/admin/pages/add/sectors/sectorpage/{self.index.pk}/", form)
        assert response.status_code == 302, response.content.decode()[:2000]
        page = SectorPage.objects.get(slug="economia-circular")
        assert page.live and page.editor_group.name == f"{PREFIX}{self.circular.name}"

        locales = Locale.objects.exclude(language_code="ca").values_list("pk", flat=True)
        response = self.client.post(f"/admin/translation/submit/page/{page.pk}/", {"locales": list(locales)})
        assert response.status_code == 302
        for translation in translations(page)[1:]:  # the translations' first publication keeps it
            self.client.post(
                f"/admin/pages/{translation.pk}/edit/", edit_form(translation, **{"action-publish": "1"})
            )
            assert SectorPage.objects.get(pk=translation.pk).live
        group = self.assertTableGroup(page)
        assert Group.objects.filter(name__startswith=f"{PREFIX}{self.circular.name}").get() == group

    def test_add_child_then_publish_in_a_shell_and_publishing_an_older_revision_keep_the_group(self):
        page = self.index.add_child(
            instance=SectorPage(title="Taula circular", slug="circular", sector=self.circular)
        )
        page.save_revision().publish()
        group = self.assertTableGroup(page)
        revision = page.revisions.order_by("pk").first()
        revision.content["editor_group"] = None  # as the revisions older releases saved
        revision.save()
        revision.publish()
        assert SectorPage.objects.get(pk=page.pk).editor_group == group
        assert Group.objects.filter(name__startswith=f"{PREFIX}{self.circular.name}").count() == 1

    def test_the_admin_refuses_to_copy_a_table_with_a_message(self):
        """One sector, one table, and the copy form cannot change the sector: a copy could never be
        saved, so the copy view says why instead."""
        original = table("agroecologia")
        self.client.force_login(self.admin)
        form = {"new_title": "Còpia", "new_slug": "copia", "new_parent_page": self.index.pk}
        for response in (
            self.client.get(f"/admin/pages/{original.pk}/copy/"),
            self.client.post(f"/admin/pages/{original.pk}/copy/", form, follow=True),
        ):
            assert response.status_code in (200, 302)
        assert "Una taula sectorial no es pot copiar" in response.content.decode()
        assert not SectorPage.objects.filter(slug="copia").exists()

    def test_a_copied_table_gets_a_group_of_its_own(self):
        """A copy must work on another sector (the admin's copy view refuses tables, above), so it is
        made as a shell would."""
        original = table("agroecologia")
        original_group = original.editor_group
        copy = original.copy(
            update_attrs={"title": "Taula circular", "slug": "circular", "sector": self.circular},
            keep_live=True,
        )
        copy.get_latest_revision().publish()  # its copied revision names the original's group
        group = self.assertTableGroup(copy)
        assert group != original_group
        assert SectorPage.objects.get(pk=original.pk).editor_group == original_group
        assert not GroupPagePermission.objects.filter(group=original_group, page=copy).exists()

    def test_migration_merges_orphans_into_the_real_group_members_and_rights_kept(self):
        """The migration's function on a database prepared as older releases left it."""
        users = get_user_model().objects
        agro, consum = table("agroecologia"), table("consum")
        real = agro.editor_group
        # The seed's orphan: rights on the Catalan page only, a collection of its own, a member.
        orphan = Group.objects.create(name=f"{PREFIX}{agro.sector.name} (antic)")
        orphan.permissions.add(Permission.objects.get(codename="access_admin"))
        orphan.page_permissions.create(page=agro, permission=Permission.objects.get(codename="change_page"))
        collection = Collection.get_first_root_node().add_child(name=orphan.name)
        add_image = Permission.objects.get(codename="add_image")
        GroupCollectionPermission.objects.create(group=orphan, collection=collection, permission=add_image)
        member = users.create(username="membre-orfe")
        member.groups.add(orphan)
        # A table created in the admin: no group on its pages, only the orphan with its rights.
        consum_group = consum.editor_group
        SectorPage.objects.filter(translation_key=consum.translation_key).update(editor_group=None)
        groups_before = Group.objects.count()

        merge_orphan_groups(apps, None)

        assert not Group.objects.filter(pk=orphan.pk).exists()
        assert set(member.groups.all()) == {real}
        assert real.permissions.filter(codename="access_admin").exists()
        assert GroupCollectionPermission.objects.filter(
            group=real, collection=collection, permission=add_image
        ).exists()
        assert {p.editor_group_id for p in translations(consum)} == {consum_group.pk}
        assert Group.objects.count() == groups_before - 1

        self.client.force_login(member)
        dashboard = self.client.get("/admin/").content.decode()
        for p in translations(agro):
            assert f"/admin/pages/{p.pk}/edit/" in dashboard

        merge_orphan_groups(apps, None)  # a second run changes nothing
        assert Group.objects.count() == groups_before - 1
        assert {p.editor_group_id for p in translations(agro)} == {real.pk}


class MergeOnFreshDatabaseTest(TestCase):
    def test_nothing_to_merge_on_a_fresh_database(self):
        Group.objects.create(name=f"{PREFIX}sense taula")  # a group no table uses is no orphan of one
        merge_orphan_groups(apps, None)
        assert Group.objects.filter(name=f"{PREFIX}sense taula").exists()

"""Point 4: each table's members edit their own table's pages and nobody else's, never publish, and
the moderator approves. One login per role (kausal-watch's pattern), checked through the admin views.

Issue 13, point 8: a table's editor group cannot drift. However a table is created or published (the
admin's create and translate views, `add_child` then publish in a shell, a copy, the seed) it has one
group, with rights on every translation, a collection and the dashboard panel for its members; and
migration 0005 merges the orphan groups older releases left behind. In the same class as point 4's
tests, to share one seed."""

import importlib

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.test import TestCase

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    WorkflowState,
)
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from core.models import HomePage
from directori.models import Sector
from sectors.models import SectorIndexPage, SectorNewsPage, SectorPage, TractorProjectPage
from tests.sectors.conftest import SeededSiteTestCase
from tests.sectors.test_page_tree import listblock

merge_orphan_groups = importlib.import_module(
    "sectors.migrations.0005_merge_orphan_table_groups"
).merge_orphan_groups

PREFIX = "Taula sectorial: "


def translations(page):
    return list(SectorPage.objects.filter(translation_key=page.translation_key).order_by("locale_id"))


def table(slug, language="ca"):
    return SectorPage.objects.get(sector__slug=slug, locale__language_code=language)


def edit_form(page, **changes):
    """The edit form of a seeded table page as the admin would post it (plan kept as it is)."""
    plan = [
        (
            "objective",
            {
                "title": block.value["title"],
                "description": block.value["description"],
                "actions": listblock(
                    [
                        {
                            **{
                                k: str(a[k] if a[k] is not None else "")
                                for k in ("title", "start_year", "end_year", "status", "completion")
                            },
                            "responsible": listblock([str(i.pk) for i in a["responsible"]]),
                            "goals": listblock([str(g.pk) for g in a["goals"]]),
                        }
                        for a in block.value["actions"]
                    ]
                ),
            },
        )
        for block in page.plan
    ]
    data = {
        "title": page.title,
        "slug": page.slug,
        "sector": page.sector_id,
        "colour": page.colour,
        "icon": page.icon,
        "introduction": page.introduction,
        "plan_start_year": page.plan_start_year,
        "body": streamfield([]),
        "plan": streamfield(plan),
        "contacts": inline_formset([]),
        "members": inline_formset([]),
        **changes,
    }
    return nested_form_data(data)


class TablePermissionsTest(SeededSiteTestCase):
    def setUp(self):
        users = get_user_model().objects
        self.member_a = users.get(username="membre-agroecologia")
        self.member_b = users.get(username="membre-consum")
        self.moderator = users.get(username="moderador")
        self.table_a, self.table_b = table("agroecologia"), table("consum")
        self.admin = users.get(username="admin")
        self.index = SectorIndexPage.objects.get(locale__language_code="ca")
        self.circular = Sector.objects.get(slug="economia-circular")
        cache.clear()

    def login(self, user):
        self.client.force_login(user)

    def assertRefused(self, response):
        """The admin refuses: a redirect away from the page (to login or the dashboard), never the form."""
        assert response.status_code in (302, 403), response.status_code
        assert "/edit/" not in response.get("Location", "")

    def test_member_opens_the_editor_of_every_page_of_their_table_in_every_language(self):
        self.login(self.member_a)
        project = TractorProjectPage.objects.child_of(self.table_a).first()
        news = SectorNewsPage.objects.child_of(self.table_a).first()
        pages = [self.table_a, table("agroecologia", "es"), table("agroecologia", "en"), project, news]
        for page in pages:
            assert self.client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200, page
        assert (
            self.client.get(f"/admin/pages/add/sectors/sectornewspage/{self.table_a.pk}/").status_code == 200
        )

    def test_member_cannot_edit_the_home_page_the_index_or_another_table(self):
        self.login(self.member_a)
        home = HomePage.objects.get(locale__language_code="ca")
        index = SectorIndexPage.objects.get(locale__language_code="ca")
        other_project = TractorProjectPage.objects.child_of(self.table_b).first()
        for page in (home, index, self.table_b, table("consum", "es"), other_project):
            self.assertRefused(self.client.get(f"/admin/pages/{page.pk}/edit/"))
        self.assertRefused(self.client.get(f"/admin/pages/add/sectors/sectornewspage/{self.table_b.pk}/"))
        response = self.client.post(
            f"/admin/pages/{self.table_b.pk}/edit/", edit_form(self.table_b, title="Pirata")
        )
        self.assertRefused(response)
        assert Page.objects.get(pk=self.table_b.pk).title != "Pirata"
        assert not self.table_b.revisions.filter(user=self.member_a).exists()

    def test_member_sees_only_their_table_in_the_explorer(self):
        self.login(self.member_a)
        index = SectorIndexPage.objects.get(locale__language_code="ca")
        body = self.client.get(f"/admin/pages/{index.pk}/").content.decode()
        assert self.table_a.title in body.replace("&#x27;", "'")
        assert self.table_b.title not in body.replace("&#x27;", "'")

    def test_member_cannot_publish_but_can_submit_for_moderation_and_the_moderator_approves(self):
        self.login(self.member_a)
        live_title = self.table_a.title
        url = f"/admin/pages/{self.table_a.pk}/edit/"
        self.client.post(url, edit_form(self.table_a, title="Taula AGRO renovada", **{"action-publish": "1"}))
        page = SectorPage.objects.get(pk=self.table_a.pk)
        assert page.title == live_title  # publishing was not theirs to do
        assert page.has_unpublished_changes

        self.client.post(url, edit_form(self.table_a, title="Taula AGRO renovada", **{"action-submit": "1"}))
        state = WorkflowState.objects.get(object_id=str(page.pk), status=WorkflowState.STATUS_IN_PROGRESS)
        assert state.requested_by == self.member_a
        task_state = state.current_task_state
        assert task_state.task.specific.groups.filter(name="Moderators").exists()

        self.login(self.member_b)  # another table's member cannot approve
        approve = f"/admin/pages/workflow/action/{page.pk}/approve/{task_state.pk}/"
        self.client.post(approve, {"comment": ""})
        assert SectorPage.objects.get(pk=page.pk).title == live_title

        self.login(self.moderator)
        response = self.client.post(approve, {"comment": "D'acord"})
        assert response.status_code in (200, 302)
        page = SectorPage.objects.get(pk=page.pk)
        assert page.title == "Taula AGRO renovada" and page.live and not page.has_unpublished_changes
        assert len(page.work_plan().actions) == len(
            self.table_a.work_plan().actions
        )  # the plan went through intact
        self.client.logout()
        assert "Taula AGRO renovada" in self.client.get(page.url).content.decode()

    def test_anonymous_visitors_are_sent_to_the_login(self):
        response = self.client.get(f"/admin/pages/{self.table_a.pk}/edit/")
        assert response.status_code == 302 and response["Location"].startswith("/admin/login/")

    def test_moderator_edits_and_publishes_any_table(self):
        self.login(self.moderator)
        for page in (self.table_a, self.table_b):
            assert self.client.get(f"/admin/pages/{page.pk}/edit/").status_code == 200
        self.client.post(
            f"/admin/pages/{self.table_b.pk}/edit/",
            edit_form(self.table_b, introduction="Nova presentació.", **{"action-publish": "1"}),
        )
        assert SectorPage.objects.get(pk=self.table_b.pk).introduction == "Nova presentació."

    def test_each_table_group_holds_add_and_edit_on_its_own_pages_only(self):
        group = self.table_a.editor_group
        rights = GroupPagePermission.objects.filter(group=group)
        assert {(r.page_id, r.permission.codename) for r in rights} == {
            (p.pk, codename)
            for p in SectorPage.objects.filter(translation_key=self.table_a.translation_key)
            for codename in ("add_page", "change_page")
        }
        assert self.member_a.groups.get() == group
        assert self.table_b.editor_group != group

    def test_members_translate_their_new_pages_and_only_their_table_edits_the_copies(self):
        spanish = Locale.objects.get(language_code="es")
        news = self.table_a.add_child(instance=SectorNewsPage(title="Jornada d'horts", slug="jornada-horts"))
        project = self.table_a.add_child(instance=TractorProjectPage(title="Rebost comú", slug="rebost-comu"))
        for page in (news, project):
            self.login(self.member_b)
            self.assertRefused(
                self.client.post(f"/admin/translation/submit/page/{page.pk}/", {"locales": [spanish.pk]})
            )
            assert page.get_translation_or_none(spanish) is None
            self.login(self.member_a)
            response = self.client.post(
                f"/admin/translation/submit/page/{page.pk}/", {"locales": [spanish.pk]}
            )
            assert response.status_code == 302, response.content.decode()[:500]
            copy = page.get_translation(spanish)
            assert copy.get_parent().specific == table("agroecologia", "es")  # under the Spanish table
            assert self.client.get(f"/admin/pages/{copy.pk}/edit/").status_code == 200
            self.login(self.member_b)
            self.assertRefused(self.client.get(f"/admin/pages/{copy.pk}/edit/"))

    def test_a_new_table_gets_a_group_of_its_own_and_a_sector_has_one_table(self):
        from directori.models import Sector

        index = SectorIndexPage.objects.get(locale__language_code="ca")
        circular = Sector.objects.get(slug="economia-circular")
        # a name already taken, by a group an admin made (no table's collection): never shared
        Group.objects.create(name=f"Taula sectorial: {circular.name}").user_set.add(self.member_a)
        new_table = index.add_child(
            instance=SectorPage(title="Taula d'economia circular", slug="circular", sector=circular)
        )
        new_table.refresh_from_db()
        assert new_table.editor_group.name == f"Taula sectorial: {circular.name} (2)"
        assert not new_table.editor_group.user_set.exists()
        self.login(self.member_a)
        self.assertRefused(self.client.get(f"/admin/pages/{new_table.pk}/edit/"))

        self.login(get_user_model().objects.get(username="admin"))
        form = edit_form(self.table_b, title="Segona taula de consum", slug="consum-2")
        response = self.client.post(f"/admin/pages/add/sectors/sectorpage/{index.pk}/", form)
        assert response.status_code == 200
        assert (
            "Ja hi ha una altra taula sectorial que treballa en aquest sector."
            in response.content.decode().replace("&#x27;", "'")
        )
        assert not SectorPage.objects.filter(slug="consum-2").exists()

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

    def test_a_new_table_of_a_deleted_tables_sector_takes_back_its_group_and_members(self):
        """Deleting a table and making another for its sector must not leave the members in a group
        that edits nothing beside an empty `… (2)` (the drift the merging migration repaired)."""
        page = self.index.add_child(
            instance=SectorPage(title="Taula circular", slug="circular", sector=self.circular)
        )
        page.save_revision().publish()
        group = self.assertTableGroup(page)
        member = get_user_model().objects.create(username="membre-circular")
        member.groups.add(group)
        page.delete()

        again = self.index.add_child(
            instance=SectorPage(title="Taula circular", slug="circular-2", sector=self.circular)
        )
        again.save_revision().publish()
        assert self.assertTableGroup(again) == group
        assert Group.objects.filter(name__startswith=f"{PREFIX}{self.circular.name}").count() == 1
        self.client.force_login(member)
        assert self.client.get(f"/admin/pages/{again.pk}/edit/").status_code == 200

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

"""Issue 16, point 7: one work plan, and one set of facts, in every language. A table member changes an
action in Catalan through the admin, the moderator approves, and the Spanish and English pages show
the same status, progress and plan total; the translations' editors cannot set facts of their own;
a project's facts published in Catalan are those of every language; migration 0006 moves the
translations' plan texts into the Catalan plan."""

import importlib
import re

from django.contrib.auth import get_user_model
from django.utils import translation

from wagtail.models import WorkflowState
from wagtail.test.utils.form_data import streamfield

from sectors.models import CoordinationTablePage, ProjectLocation, SectorPage, TractorProjectPage
from tests.sectors.conftest import SeededSiteTestCase
from tests.sectors.test_page_tree import listblock
from tests.sectors.test_permissions import edit_form, table

merge_texts = importlib.import_module("sectors.migrations.0006_plan_one_source")._merge_texts
merge_needs = importlib.import_module("sectors.migrations.0007_needs_one_source").merge_needs


def plan_form(page, change):
    """The table's plan as the admin posts it, every text in every language, `change(o, a, action)`
    applied to each action's values."""
    blocks = []
    for o, block in enumerate(page.plan):
        texts = {k: block.value[k] or "" for k in block.value if k.startswith(("title", "description"))}
        actions = []
        for a, action in enumerate(block.value["actions"]):
            values = {
                **{k: action[k] or "" for k in action if k.startswith("title")},
                **{k: str(action[k] if action[k] is not None else "") for k in ("start_year", "end_year")},
                "status": action["status"],
                "completion": "" if action["completion"] is None else str(action["completion"]),
                "responsible": listblock([str(i.pk) for i in action["responsible"]]),
                "goals": listblock([str(g.pk) for g in action["goals"]]),
            }
            change(o, a, values)
            actions.append(values)
        blocks.append(("objective", {**texts, "actions": listblock(actions)}))
    return streamfield(blocks)


def shown(body):
    """(total, [(status label, progress)…]) as a reader sees the plan's table."""
    total = re.search(r'class="plan__progress">[^<]*<strong>([^<]*)</strong>', body).group(1)
    rows = re.findall(r'<span class="status status--(\w+)">[^<]*</span></td>\s*<td>([^<]*)</td>', body)
    return total, rows


class OnePlanTest(SeededSiteTestCase):
    def setUp(self):
        users = get_user_model().objects
        self.member = users.get(username="membre-agroecologia")
        self.moderator = users.get(username="moderador")
        self.ca = table("agroecologia")

    def translations(self):
        return [table("agroecologia", code) for code in ("es", "en")]

    def test_a_change_in_catalan_approved_by_the_moderator_is_the_plan_of_every_language(self):
        before = [
            shown(self.client.get(page.url).content.decode()) for page in (self.ca, *self.translations())
        ]
        assert before[0] == before[1] == before[2]
        first_done = next(
            (o, a)
            for o, b in enumerate(self.ca.plan)
            for a, x in enumerate(b.value["actions"])
            if x["status"] == "done"
        )

        def to_40(o, a, values):
            if (o, a) == first_done:
                values.update(status="in_progress", completion="40")

        self.client.force_login(self.member)
        url = f"/admin/pages/{self.ca.pk}/edit/"
        response = self.client.post(
            url, edit_form(self.ca, plan=plan_form(self.ca, to_40), **{"action-submit": "1"})
        )
        assert response.status_code == 302, response.content.decode()[:3000]
        state = WorkflowState.objects.get(object_id=str(self.ca.pk), status=WorkflowState.STATUS_IN_PROGRESS)
        self.client.force_login(self.moderator)
        approve = f"/admin/pages/workflow/action/{self.ca.pk}/approve/{state.current_task_state.pk}/"
        assert self.client.post(approve, {"comment": ""}).status_code in (200, 302)
        self.client.logout()

        after = [
            shown(self.client.get(page.url).content.decode()) for page in (self.ca, *self.translations())
        ]
        assert after[0] != before[0]
        assert after[0] == after[1] == after[2]  # status, progress and total alike in ca, es and en
        index = sum(len(b.value["actions"]) for b in self.ca.plan[: first_done[0]]) + first_done[1]
        assert after[1][1][index] == ("in_progress", "40%")
        for page, label in zip(self.translations(), ("En curso", "Under way"), strict=True):
            row = self.client.get(page.url).content.decode()
            assert (
                f'<span class="status status--in_progress">{label}</span></td>\n                <td>40%</td>'
                in row
            )
        # the texts stay each language's own
        spanish = self.translations()[0].work_plan().actions[index]
        assert spanish.title == self.ca.plan[first_done[0]].value["actions"][first_done[1]]["title_es"]
        assert not spanish.title_lang

    def test_a_translation_offers_no_plan_or_fact_to_edit_and_a_post_cannot_set_one(self):
        spanish = self.translations()[0]
        self.client.force_login(self.member)
        url = f"/admin/pages/{spanish.pk}/edit/"
        form = self.client.get(url).content.decode()
        assert 'name="plan-count"' not in form and 'name="plan_start_year"' not in form
        assert 'name="colour"' not in form and 'name="members-TOTAL_FORMS"' not in form
        assert "la pàgina en català" in form  # where to change them instead

        self.client.force_login(self.moderator)
        plan_before = [(a.status, a.progress) for a in spanish.work_plan().actions]
        response = self.client.post(
            url,
            edit_form(
                spanish,
                colour="#000000",
                plan_start_year="2030",
                plan=plan_form(self.ca, lambda o, a, v: v.update(status="cancelled")),
                **{"action-publish": "1"},
            ),
        )
        assert response.status_code == 302, response.content.decode()[:3000]
        spanish = SectorPage.objects.get(pk=spanish.pk)
        assert spanish.colour == self.ca.colour
        assert [(a.status, a.progress) for a in spanish.work_plan().actions] == plan_before
        assert spanish.work_plan().start_year == self.ca.plan_start_year

    def test_an_untranslated_text_reads_in_catalan_and_says_so(self):
        value = self.ca.plan[0].value
        value["actions"][0]["title_en"] = ""
        self.ca.save()
        english = self.translations()[1]
        action = english.work_plan().actions[0]
        assert (action.title, action.title_lang) == (value["actions"][0]["title"], "ca")
        body = self.client.get(english.url).content.decode()
        assert f'<th scope="row" lang="ca">{action.title}</th>' in body

    def test_a_projects_facts_published_in_catalan_are_those_of_every_language(self):
        project = TractorProjectPage.objects.get(locale__language_code="ca", slug="bicihub")
        others = list(project.get_translations())
        assert len(others) == 2
        project.status, project.completion = "paused", 55
        project.goals = list(project.goals.all()[:1])
        project.participants = [project.participants.first()]  # the rows as the admin leaves them
        project.locations = [ProjectLocation(name="Nau Bostik", latitude=41.4283, longitude=2.1913)]
        project.save_revision().publish()
        for other in TractorProjectPage.objects.filter(pk__in=[o.pk for o in others]):
            assert (other.status, other.completion) == ("paused", 55)
            assert list(other.goals.all()) == list(project.goals.all())
            assert [p.initiative_id for p in other.participants.all()] == [
                p.initiative_id for p in project.participants.all()
            ]
            # the map's project points: the same places in every language
            assert [(p.name, p.latitude, p.longitude) for p in other.locations.all()] == [
                ("Nau Bostik", 41.4283, 2.1913)
            ]
            # publishing an older revision of the translation brings back its texts, never its facts
            other.get_latest_revision().publish()
            other = TractorProjectPage.objects.get(pk=other.pk)
            assert (other.status, other.completion) == ("paused", 55)
            with translation.override(other.locale.language_code):
                body = self.client.get(other.url).content.decode()
            assert "55" in body

    def test_the_urgent_needs_answer_with_the_same_initiatives_in_every_language(self):
        catalan = CoordinationTablePage.objects.get(locale__language_code="ca")
        need = catalan.needs[0].value
        keep = [need["initiatives"][0]]
        need["initiatives"] = keep
        catalan.crisis_mode = True  # the needs are shown during a crisis
        catalan.save_revision().publish()
        for page in CoordinationTablePage.objects.all():
            answers = self.client.get(page.url).content.decode().split('id="necessitats"')[1]
            answers = answers.split('class="need"')[1].split("</ul>")[0]
            assert answers.count("<li>") == 1 and keep[0].name in answers.replace("&#x27;", "'"), page.locale
        spanish = CoordinationTablePage.objects.get(locale__language_code="es")
        self.client.force_login(get_user_model().objects.get(username="admin"))
        form = self.client.get(f"/admin/pages/{spanish.pk}/edit/").content.decode()
        assert 'name="needs-count"' not in form and 'name="crisis_mode"' not in form


def test_the_migration_moves_the_translations_texts_into_the_catalan_plan():
    def plan(objective, action, items=True):
        item = {"title": action, "status": "done"}
        return [
            {
                "type": "objective",
                "value": {
                    "title": objective,
                    "description": "",
                    "actions": [{"type": "item", "value": item, "id": "x"}] if items else [item],
                },
            }
        ]

    merged = merge_texts(
        plan("Terra", "Horts"), {"es": plan("Tierra", "Huertos", items=False), "en": plan("Terra", "Horts")}
    )
    value = merged[0]["value"]
    assert value["title_es"] == "Tierra" and "title_en" not in value  # an untouched copy stays Catalan
    assert value["actions"][0]["value"]["title_es"] == "Huertos"
    assert "title_en" not in value["actions"][0]["value"]
    assert value["actions"][0]["value"]["status"] == "done"
    needs = [{"type": "need", "value": {"title": "Aigua", "description": "Ampolles", "initiatives": [1]}}]
    theirs = [{"type": "need", "value": {"title": "Agua", "description": "Ampolles", "initiatives": [2]}}]
    value = merge_needs(needs, {"es": theirs})[0]["value"]
    assert (value["title_es"], value["initiatives"]) == ("Agua", [1]) and "description_es" not in value

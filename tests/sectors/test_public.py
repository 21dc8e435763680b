"""What the public reads: every sector page type in ca/es/en with the seeded content, the work plan as a
table and a timeline, the Strategy page's counts, the crisis banner, and user text kept as text."""

import html
import re

from django.core.cache import cache

from wagtail.models import Locale

from directori.models import Initiative
from sectors.models import (
    CoordinationTablePage,
    SectorIndexPage,
    SectorNewsPage,
    SectorPage,
    StrategyLine,
    TractorProjectPage,
)
from sectors.plan import weighted_progress
from tests.sectors.conftest import SeededSiteTestCase


def text(response):
    return html.unescape(response.content.decode())


class SectorPagesTest(SeededSiteTestCase):
    def setUp(self):
        cache.clear()

    def get(self, url, status=200):
        response = self.client.get(url)
        assert response.status_code == status, (url, response.status_code)
        return response

    def test_the_seed_builds_every_table_its_projects_and_its_member(self):
        from django.contrib.auth import get_user_model

        from sectors.seed import content

        tables = SectorPage.objects.filter(locale__language_code="ca")
        assert sorted(t.sector.slug for t in tables) == sorted(t["sector"] for t in content()["tables"])
        assert {
            "agroecologia",
            "consum",
            "habitatge",
            "textil",
            "transicio-energetica",
            "mobilitat",
            "cures",
            "finances-etiques",
        } <= {t.sector.slug for t in tables}
        projects = TractorProjectPage.objects.filter(locale__language_code="ca")
        assert sorted(p.title for p in projects) == sorted(
            [
                "BiciHub",
                "Espai Participatiu Agròpolis",
                "Espai comercial de consum conscient",
                "Comunitats Energètiques Locals",
                "Community Land Trust",
                "Cultura Cooperativa",
                "Hub de Transició Energètica",
                "RevESStim",
                "Xarxa de Parcs Agraris propers a la ciutat",
            ]
        )
        for project in projects:
            assert project.participants.filter(role="lead").count() == 1, project
            assert project.districts.exists() and (project.lines.exists() or project.goals.exists()), project
            assert set(project.participants.values_list("initiative__sectors", flat=True)) == {
                project.table.sector_id
            }
        for table in tables:
            assert len(table.work_plan().actions) >= 6 and table.members.count() > 0, table
            assert SectorPage.objects.filter(translation_key=table.translation_key).count() == 3
            member = get_user_model().objects.get(username=f"membre-{table.sector.slug}")
            assert list(member.groups.all()) == [table.editor_group]
        assert CoordinationTablePage.objects.count() == 3

    def test_every_page_type_renders_in_each_language_with_seeded_content(self):
        headings = {
            "ca": "Pla de treball 2025–2034",
            "es": "Plan de trabajo 2025–2034",
            "en": "Work plan 2025–2034",
        }
        for language in ("ca", "es", "en"):
            locale = Locale.objects.get(language_code=language)
            index = SectorIndexPage.objects.get(locale=locale)
            table = SectorPage.objects.get(locale=locale, sector__slug="habitatge")
            pages = [
                index,
                table,
                TractorProjectPage.objects.child_of(table).get(),
                SectorNewsPage.objects.child_of(table).first(),
                CoordinationTablePage.objects.get(locale=locale),
            ]
            for page in pages:
                body = text(self.get(page.url))
                assert f'<html lang="{language}">' in body, page.url
                assert f"<h1>{page.title}</h1>" in body, page.url
                if page.specific.introduction:
                    assert page.specific.introduction in body, page.url
            assert headings[language] in text(self.get(table.url))
            assert "L1" in text(self.get(f"{index.url}estrategia/"))
        assert self.get("/es/sectores/").request["PATH_INFO"] == "/es/sectores/"

    def test_the_index_lists_every_table_and_the_navigation_leads_there(self):
        body = text(self.get("/ca/sectors/"))
        for table in SectorPage.objects.live().filter(locale__language_code="ca"):
            assert f'href="{table.url}"' in body and table.sector.code in body
        assert '<a href="/ca/sectors/" aria-current="page">Sectors</a>' in body
        assert '<a href="/es/sectores/">Sectores</a>' in text(self.get("/es/directori/"))

    def test_the_work_plan_reads_as_a_table_and_a_timeline_with_its_progress_and_rule(self):
        table = SectorPage.objects.get(locale__language_code="ca", sector__slug="agroecologia")
        plan = table.work_plan()
        body = text(self.get(table.url))
        assert f"Progrés de tot el pla: <strong>{plan.progress}%</strong>" in body
        assert plan.progress == weighted_progress(plan.actions)
        assert "Cada acció pesa tants anys com abasta" in body  # the weighting rule, for readers
        for objective in plan.objectives:
            assert f"{objective.progress}% fet" in body
            for action in objective.actions:
                assert f'<th scope="row">{action.title}</th>' in body
                assert (
                    f'from-{action.offset} span-{action.span}">{action.period} · {action.status_label}'
                    in body
                )
                for initiative in action.responsible:
                    assert initiative.name in body
        assert "<script" not in body.split('<section id="pla"')[1].split("</section>")[0]  # no JS needed

    def test_a_project_shows_who_takes_part_where_and_its_timeline(self):
        project = TractorProjectPage.objects.get(locale__language_code="ca", slug="bicihub")
        body = text(self.get(project.url))
        lead = project.participants.get(role="lead").initiative
        assert f"{lead.name}</a> (lidera)" in body
        for district in project.districts.all():
            assert f'href="/ca/directori/districte/{district.slug}/">{district.name}</a>' in body
        dates = re.findall(r'<li><time datetime="(\d{4}-\d\d-\d\d)"', body)
        assert len(dates) == project.updates.count() >= 2 and dates == sorted(dates, reverse=True)
        assert project.table.title in body

    def test_the_strategy_page_counts_projects_and_actions_by_line_and_goal(self):
        body = text(self.get("/ca/sectors/estrategia/"))
        projects = TractorProjectPage.objects.live().filter(locale__language_code="ca")
        for line in StrategyLine.objects.all():
            expected = {
                p.pk
                for p in projects
                if line in p.lines.all() or any(g.line_id == line.pk for g in p.goals.all())
            }
            row = re.search(
                rf'<th scope="row"><a href="#linia-{line.code.lower()}">{line.code}</a></th><td>.*?</td><td>(\d+)</td>',
                body,
            )
            assert int(row.group(1)) == len(expected), line.code
        goal_row = re.search(r'<a href="#fita-11">1.1</a></th><td>.*?</td><td>(\d+)</td><td>(\d+)</td>', body)
        actions = sum(
            1
            for table in SectorPage.objects.live().filter(locale__language_code="ca")
            for a in table.work_plan().actions
            if a.status != "cancelled" and "1.1" in [g.code for g in a.goals]
        )
        assert int(goal_row.group(2)) == actions > 0

    def test_crisis_mode_puts_a_banner_on_every_public_page_until_switched_off(self):
        coordination = CoordinationTablePage.objects.get(locale__language_code="ca")
        pages = ["/ca/", "/ca/directori/", "/ca/cerca/", "/ca/sectors/agroecologia/", "/ca/mapa/"]
        for url in pages:
            assert "crisis-banner" not in text(self.get(url))

        coordination.crisis_mode = True
        coordination.save_revision().publish()
        for url in pages:
            body = text(self.get(url))
            assert coordination.crisis_title in body, url
            assert f'href="{coordination.url}#necessitats"' in body, url
        needs = text(self.get(coordination.url))
        first_need = coordination.needs[0].value
        assert first_need["title"] in needs
        for initiative in first_need["initiatives"]:
            assert initiative.name in needs

        coordination.crisis_mode = False
        coordination.save_revision().publish()
        assert "crisis-banner" not in text(self.get("/ca/directori/"))

    def test_the_catalan_page_switches_the_crisis_for_every_language(self):
        catalan = CoordinationTablePage.objects.get(locale__language_code="ca")
        spanish = CoordinationTablePage.objects.get(locale__language_code="es")
        spanish.crisis_mode = True  # a translation alone does not start a crisis
        spanish.save_revision().publish()
        assert "crisis-banner" not in text(self.get("/es/"))
        assert "Ahora mismo no hay ninguna respuesta de crisis en marcha." in text(self.get(spanish.url))

        catalan.crisis_mode = True
        catalan.save_revision().publish()
        spanish.crisis_mode = False
        spanish.save_revision().publish()
        body = text(self.get("/es/directori/"))
        assert spanish.crisis_title in body and f'href="{spanish.url}#necessitats"' in body
        assert catalan.needs[0].value["title_es"] in text(self.get(spanish.url))

    def test_the_language_switcher_keeps_the_strategy_route(self):
        body = text(self.get("/ca/sectors/estrategia/"))
        assert 'href="/es/sectores/estrategia/" lang="es"' in body
        assert 'href="/en/sectors/estrategia/" lang="en"' in body

    def test_names_typed_by_people_show_as_text(self):
        table = SectorPage.objects.get(locale__language_code="ca", sector__slug="cures")
        initiative = table.members.first().initiative
        Initiative.objects.filter(pk=initiative.pk).update(name="<script>alert(1)</script>")
        SectorPage.objects.filter(pk=table.pk).update(introduction='<img src=x onerror="alert(2)">')
        body = self.get(table.url).content.decode()
        assert "<script>alert(1)" not in body and "&lt;script&gt;alert(1)&lt;/script&gt;" in body
        assert "<img src=x" not in body

    def test_body_blocks_list_projects_and_initiatives_and_embed_media_only_on_request(self):
        from wagtail.embeds.embeds import get_embed_hash
        from wagtail.embeds.models import Embed

        from directori.models import District

        video = "https://www.youtube.com/watch?v=ess-demo"
        Embed.objects.create(
            url=video,
            hash=get_embed_hash(video),
            type="video",
            html='<iframe src="https://www.youtube-nocookie.com/embed/ess-demo" title="Vídeo"></iframe>',
            title="Com funciona una taula",
            provider_name="YouTube",
        )
        table = SectorPage.objects.get(locale__language_code="ca", sector__slug="mobilitat")
        gracia = District.objects.get(code="06")
        table.body = [
            {
                "type": "projects",
                "value": {"heading": "Projectes en marxa", "table": None, "status": "running", "limit": 10},
            },
            {
                "type": "initiatives",
                "value": {
                    "heading": "Mobilitat a Gràcia",
                    "sector": table.sector_id,
                    "family": None,
                    "district": gracia.slug,
                    "tag": None,
                    "limit": 50,
                },
            },
            {"type": "embed", "value": video},
            {
                "type": "map",
                "value": {
                    "heading": "On som",
                    "layers": ["mercat-social", "districtes"],
                    "district": gracia.slug,
                    "sector": table.sector_id,
                    "height": 400,
                },
            },
        ]
        table.save_revision().publish()
        body = text(self.get(table.url))

        running = TractorProjectPage.objects.live().filter(locale__language_code="ca", status="running")
        assert running.exists()
        section = body.split("<h2>Projectes en marxa</h2>")[1].split("</section>")[0]
        assert sorted(re.findall(r'<h3><a href="[^"]+">([^<]+)</a></h3>', section)) == sorted(
            p.title for p in running
        )

        expected = Initiative.objects.live().filter(sectors=table.sector, district=gracia)
        assert expected.exists()
        section = body.split("<h2>Mobilitat a Gràcia</h2>")[1].split("</section>")[0]
        assert sorted(
            re.findall(r'<li><a href="/ca/directori/iniciativa/[^"]+/">([^<]+)</a>', section)
        ) == sorted(i.name for i in expected)

        player = '<iframe src="https://www.youtube-nocookie.com/embed/ess-demo"'
        assert body.count(player) == 1 and f"<template>{player}" in body  # the player waits in a <template>
        assert f'href="{video}"' in body and "Com funciona una taula" in body
        src = f"/ca/mapa/incrusta/?sector={table.sector.slug}&amp;districte=gracia&amp;capes=mercat-social,districtes&amp;llista=sota"
        assert f'<iframe src="{src.replace("&amp;", "&")}"' in body  # the same embed other sites frame
        assert self.client.get(src.replace("&amp;", "&")).status_code == 200

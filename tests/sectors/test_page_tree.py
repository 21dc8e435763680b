"""Where the sector tables' page types may live, what editors can create there, and the errors they
get for a plan or a project that does not add up."""

import json

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from core.models import HomePage, StandardPage
from directori.models import Sector
from sectors.models import (
    CoordinationTablePage,
    Goal,
    SectorIndexPage,
    SectorNewsPage,
    SectorPage,
    TractorProjectPage,
)


def listblock(values):
    """Form data of a ListBlock: like a stream without block types."""
    data = {str(i): {"value": v, "deleted": "", "order": str(i), "id": ""} for i, v in enumerate(values)}
    data["count"] = str(len(values))
    return data


def field_errors(response, field):
    """The errors an editor reads on one field; StreamField errors are JSON the admin's JS renders."""
    errors = response.context["form"].errors.as_data().get(field, [])
    data = [e.as_json_data() if hasattr(e, "as_json_data") else e.messages for e in errors]
    return json.dumps(data, ensure_ascii=False)


def plan_action(title, start, end, status="planned", completion="", goals=()):
    return {
        "title": title,
        "start_year": str(start),
        "end_year": str(end),
        "status": status,
        "completion": str(completion),
        "responsible": listblock([]),
        "goals": listblock([str(g.pk) for g in goals]),
    }


def sector_page_form(title, slug, sector, actions, plan_start="2025"):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "sector": sector.pk,
            "colour": "#2f7d32",
            "icon": "leaf",
            "introduction": "Entitats agroecològiques.",
            "body": streamfield([]),
            "plan_start_year": plan_start,
            "plan": streamfield(
                [
                    (
                        "objective",
                        {"title": "Sobirania alimentària", "description": "", "actions": listblock(actions)},
                    )
                ]
            ),
            "contacts": inline_formset([{"name": "Núria", "role": "Dinamització", "email": "", "phone": ""}]),
            "members": inline_formset([]),
        }
    )


class SectorPageTreeTest(WagtailPageTestCase):
    def setUp(self):
        super().setUp()
        self.home = Page.get_first_root_node().add_child(
            instance=HomePage(title="Inici", slug="inici-test", hero_title="Benvinguda")
        )
        self.index = self.home.add_child(instance=SectorIndexPage(title="Sectors", slug="sectors"))
        self.sector = Sector.objects.create(slug="agroecologia", name="Agroecologia", code="AGRO")
        self.goal = Goal.objects.create(code="1.1", title="Incidir en el model productiu")
        self.table = self.index.add_child(
            instance=SectorPage(title="Taula AGRO", slug="agro", sector=self.sector)
        )
        self.client.force_login(
            self.create_test_user()
        )  # django-axes refuses Client.login(), which passes no request

    def test_rules_on_both_sides(self):
        self.assertAllowedSubpageTypes(HomePage, {StandardPage, SectorIndexPage})
        self.assertAllowedParentPageTypes(SectorIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(SectorIndexPage, {SectorPage, CoordinationTablePage})
        self.assertAllowedParentPageTypes(SectorPage, {SectorIndexPage})
        self.assertAllowedSubpageTypes(SectorPage, {TractorProjectPage, SectorNewsPage})
        for leaf in (TractorProjectPage, SectorNewsPage, CoordinationTablePage):
            self.assertAllowedSubpageTypes(leaf, set())
        self.assertAllowedParentPageTypes(TractorProjectPage, {SectorPage})
        self.assertAllowedParentPageTypes(SectorNewsPage, {SectorPage})
        self.assertAllowedParentPageTypes(CoordinationTablePage, {SectorIndexPage})

    def test_one_index_and_one_coordinated_table(self):
        assert not SectorIndexPage.can_create_at(self.home)  # there is one already
        assert CoordinationTablePage.can_create_at(self.index)
        self.index.add_child(instance=CoordinationTablePage(title="Coordinada", slug="coordinada"))
        assert not CoordinationTablePage.can_create_at(self.index)

    def test_editor_creates_a_table_with_its_plan(self):
        self.assertCanCreate(
            self.index,
            SectorPage,
            sector_page_form(
                "Taula de consum",
                "consum",
                Sector.objects.create(slug="consum", name="Consum", code="CONSUM"),
                [plan_action("Mapa de botigues", 2025, 2027, "in_progress", 30, goals=[self.goal])],
            ),
        )
        page = SectorPage.objects.get(slug="consum")
        action = page.work_plan().actions[0]
        assert (action.title, action.progress, [g.code for g in action.goals]) == (
            "Mapa de botigues",
            30,
            ["1.1"],
        )
        assert page.contacts.get().name == "Núria"

    def test_actions_outside_the_plan_or_without_progress_are_refused_with_errors(self):
        url = f"/admin/pages/add/sectors/sectorpage/{self.index.pk}/"
        cases = [
            ([plan_action("Massa tard", 2030, 2036)], "2025–2034"),
            ([plan_action("Al revés", 2028, 2026)], "L’últim any no pot ser anterior al primer."),
            ([plan_action("Sense xifra", 2025, 2026, "in_progress")], "Digues quina part"),
        ]
        for n, (actions, message) in enumerate(cases):
            response = self.client.post(
                url, sector_page_form(f"Taula {n}", f"taula-{n}", self.sector, actions)
            )
            assert response.status_code == 200, message
            assert message in field_errors(response, "plan").replace("'", "’"), message
        assert not SectorPage.objects.filter(slug__startswith="taula-").exists()

    def test_a_colour_white_text_cannot_be_read_on_is_refused(self):
        form = sector_page_form("Taula groga", "groga", self.sector, [])
        form["colour"] = "#ffdd00"
        response = self.client.post(f"/admin/pages/add/sectors/sectorpage/{self.index.pk}/", form)
        assert "El text blanc sobre #ffdd00 té un contrast de 1.3:1" in field_errors(response, "colour")
        assert not SectorPage.objects.filter(slug="groga").exists()

    def test_a_place_outside_barcelona_or_with_swapped_coordinates_is_refused(self):
        data = {
            "title": "BiciHub",
            "slug": "bicihub",
            "status": "design",
            "completion": "10",
            "body": streamfield([]),
            "participants": inline_formset([]),
            "locations": inline_formset([{"name": "Nau", "latitude": "2.1905", "longitude": "41.4036"}]),
            "updates": inline_formset([]),
        }
        response = self.client.post(
            f"/admin/pages/add/sectors/tractorprojectpage/{self.table.pk}/", nested_form_data(data)
        )
        assert response.status_code == 200
        errors = response.context["form"].formsets["locations"].forms[0].errors
        assert "latitud i la longitud no estiguin intercanviades" in str(errors["latitude"])
        assert not TractorProjectPage.objects.exists()

    def test_project_end_before_start_is_a_field_error(self):
        response = self.client.post(
            f"/admin/pages/add/sectors/tractorprojectpage/{self.table.pk}/",
            nested_form_data(
                {
                    "title": "BiciHub",
                    "slug": "bicihub",
                    "status": "design",
                    "completion": "10",
                    "start_date": "2026-05-01",
                    "end_date": "2025-01-01",
                    "body": streamfield([]),
                    "participants": inline_formset([]),
                    "locations": inline_formset([]),
                    "updates": inline_formset([]),
                }
            ),
        )
        assert response.status_code == 200
        assert "El final no pot ser anterior a l’inici." in field_errors(response, "end_date").replace(
            "'", "’"
        )
        assert not TractorProjectPage.objects.exists()

    def test_every_page_type_can_be_previewed(self):
        """The preview posts the edit form; streams and inlines are built by the admin's JavaScript, so
        the form data is written out here as the browser would send it."""
        project = self.table.add_child(
            instance=TractorProjectPage(title="BiciHub", slug="bicihub", status="running")
        )
        news = self.table.add_child(
            instance=SectorNewsPage(title="Acta de juny", slug="acta", kind="minutes")
        )
        coordination = self.index.add_child(
            instance=CoordinationTablePage(title="Coordinada", slug="coordinada")
        )
        empty = {"body": streamfield([])}
        forms = {
            self.index: {"title": "Sectors", "slug": "sectors", **empty},
            self.table: sector_page_form(
                "Taula AGRO", "agro", self.sector, [plan_action("Horts", 2025, 2026, "done")]
            ),
            project: {
                "title": "BiciHub",
                "slug": "bicihub",
                "status": "running",
                "completion": "40",
                **empty,
                **{f"{name}": inline_formset([]) for name in ("participants", "locations", "updates")},
            },
            news: {
                "title": "Acta",
                "slug": "acta",
                "date": "2025-06-01",
                "kind": "minutes",
                **empty,
                "attachments": inline_formset([]),
            },
            coordination: {
                "title": "Coordinada",
                "slug": "coordinada",
                "crisis_mode": "on",
                "crisis_title": "Onada de calor",
                "needs": streamfield(
                    [("need", {"title": "Aigua", "description": "", "initiatives": listblock([])})]
                ),
                **empty,
            },
        }
        for page, data in forms.items():
            self.assertPageIsPreviewable(page, post_data=nested_form_data(data))
            self.client.force_login(self._pageispreviewable_superuser)
            preview = self.client.get(f"/admin/pages/{page.pk}/edit/preview/")
            assert "<h1>" in preview.content.decode(), page

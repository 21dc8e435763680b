"""Where each page type may live: the rules editors meet when they add a page."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from core.models import HomePage, StandardPage


class PageTreeRulesTest(WagtailPageTestCase):
    def setUp(self):
        super().setUp()
        self.home = Page.get_first_root_node().add_child(
            instance=HomePage(title="Inici", slug="inici-test", hero_title="Benvinguda")
        )
        self.client.force_login(
            self.create_test_user()
        )  # django-axes refuses Client.login(), which passes no request

    def test_home_page_only_under_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertCanNotCreateAt(StandardPage, HomePage)
        self.assertCanNotCreateAt(HomePage, HomePage)

    def test_home_page_children(self):
        from sectors.models import SectorIndexPage

        self.assertAllowedSubpageTypes(HomePage, {StandardPage, SectorIndexPage})

    def test_standard_page_lives_under_home_or_standard_pages(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage})
        self.assertCanNotCreateAt(Page, StandardPage)

    def test_editor_can_create_a_standard_page_with_body_blocks(self):
        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Dades obertes",
                    "slug": "dades-obertes",
                    "introduction": "Descàrregues del directori.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Llicència", "level": "h2"}),
                            ("paragraph", rich_text("<p>CC BY 4.0</p>")),
                            ("quote", {"text": "Les dades són de tothom.", "attribution": "Taula"}),
                        ]
                    ),
                }
            ),
        )

    def test_call_to_action_needs_exactly_one_target(self):
        """An editor who fills both or neither target gets a field error, and nothing is saved."""
        for page_link, url in (("", ""), (self.home.pk, "https://example.org/")):
            response = self.client.post(
                f"/admin/pages/add/core/standardpage/{self.home.pk}/",
                nested_form_data(
                    {
                        "title": "Crida",
                        "slug": f"crida-{bool(url)}",
                        "body": streamfield(
                            [
                                (
                                    "call_to_action",
                                    {
                                        "title": "Proposa",
                                        "text": "",
                                        "button_label": "Ves-hi",
                                        "page": page_link,
                                        "url": url,
                                    },
                                )
                            ]
                        ),
                    }
                ),
            )
            self.assertEqual(response.status_code, 200)
            cta_errors = response.context["form"].errors.as_data()["body"][0].block_errors[0].block_errors
            self.assertEqual(set(cta_errors), {"page", "url"})
            self.assertIn("una de les dues", cta_errors["url"].messages[0])  # the admin speaks Catalan
            self.assertFalse(StandardPage.objects.filter(title="Crida").exists())

"""Issue 16, point 11: the home page lists the sector tables from the data (Cultura was missing from a
list written by hand), the demo content writes correct Catalan contractions ("d'agroecologia", "al
Guinardó", never "de agroecologia", "a el Guinardó"), and English spells "co-operative" one way."""

import html
import re
from pathlib import Path

from django.conf import settings
from django.utils import translation

from wagtail.models import Page

from core import seed as core_seed
from core.catalan import contract
from core.collation import sorted_by_name
from directori.models import Initiative
from mapa.models import EconomicPole, MapEmbed
from sectors.models import SectorPage
from sectors.seed import content as sectors_content
from tests.sectors.conftest import SeededSiteTestCase

# "de" before a vowel or h + vowel (but not a consonantal i/u: "de iogurt"), and "a/de/per" + "el(s)"
WRONG_CATALAN = re.compile(r"\b(de) (?!h?[iu][aeiouàèéíòóú])h?[aeiouàèéíïòóúü]|\b(a|de|per) els?\b", re.I)
WRONG_ENGLISH = re.compile(r"\bcooperat", re.I)


def texts(data, language):
    """Every string of `language` in demo data shaped {language: text} or {"ca": {...}, "es": …}."""
    if isinstance(data, dict):
        for key, value in data.items():
            if key == language and isinstance(value, str):
                yield value
            elif key == language and isinstance(value, dict):
                yield from (v for v in value.values() if isinstance(v, str))
            else:
                yield from texts(value, language)
    elif isinstance(data, list | tuple):
        for value in data:
            yield from texts(value, language)


def seeded_catalan():
    """What the seed wrote in Catalan from names and templates of its own."""
    catalan_pages = Page.objects.filter(locale__language_code="ca").specific()
    yield from (p.title for p in catalan_pages)
    yield from (getattr(p, "introduction", "") for p in catalan_pages)
    yield from Initiative.objects.filter(is_example=True).values_list("description", flat=True)
    yield from MapEmbed.objects.values_list("name", flat=True)
    yield from EconomicPole.objects.values_list("description", flat=True)
    for table in SectorPage.objects.filter(locale__language_code="ca"):
        yield table.plan_text()


def test_the_check_finds_what_the_issue_found():
    bad = ["Iniciativa d'exemple de agroecologia a el Guinardó.", "Taula de habitatge", "dels i de els"]
    assert all(WRONG_CATALAN.search(text) for text in bad)
    good = [contract(text) for text in bad] + ["de iogurt", "de la Barceloneta", "de Sants"]
    assert not any(WRONG_CATALAN.search(text) for text in good), good
    assert contract(bad[0]) == "Iniciativa d'exemple d'agroecologia al Guinardó."


class DemoTextTest(SeededSiteTestCase):
    """On the whole demo site, with the example initiatives (boundaries loaded)."""

    def test_the_demo_content_writes_catalan_contractions(self):
        examples = list(seeded_catalan())
        assert any(text.startswith("<p>Iniciativa d'exemple d'agroecologia ") for text in examples)
        sources = [
            *texts(sectors_content(), "ca"),
            *texts([core_seed.HOME, core_seed.STANDARD_PAGES], "ca"),
            *examples,
        ]
        wrong = [(m.group(0), text[:80]) for text in sources if (m := WRONG_CATALAN.search(text))]
        assert not wrong

    def test_the_home_page_lists_every_live_table(self):
        for language in ("ca", "es", "en"):
            tables = SectorPage.objects.live().filter(locale__language_code=language)
            assert tables.filter(sector__slug="cultura").exists()
            hidden = tables.first()
            hidden.unpublish()
            body = self.client.get(f"/{language}/").content.decode().replace("&#x27;", "'")
            with translation.override(language):
                for table in tables.exclude(pk=hidden.pk):
                    assert f'<a class="chip" href="{table.url}">{table.title}</a>' in body
            assert hidden.url not in body


def test_english_writes_co_operative_with_its_hyphen():
    english = [*texts(sectors_content(), "en"), *texts([core_seed.HOME, core_seed.STANDARD_PAGES], "en")]
    catalogue = Path(settings.LOCALE_PATHS[0]) / "en/LC_MESSAGES/django.po"
    english += re.findall(r'^msg(?:id|str) "(.*)"$', catalogue.read_text(encoding="utf-8"), re.M)
    assert any("co-operative" in text for text in english)
    assert not [text for text in english if WRONG_ENGLISH.search(text)]


class TableOrderTest(SeededSiteTestCase):
    def test_tables_are_listed_in_the_order_of_their_sectors_names_in_each_language(self):
        """The home page and the tables' index follow the sectors' names ("Tèxtil" before "Transició
        energètica"), not the titles' articles ("Taula d'habitatge" before "Taula de consum")."""
        for language in ("ca", "es", "en"):
            with translation.override(language):
                tables = list(SectorPage.objects.live().filter(locale__language_code=language))
                expected = [t.title for t in sorted_by_name(tables, key=lambda t: t.sector.label)]
                index = tables[0].get_parent().url
            for url in (f"/{language}/", index):
                body = html.unescape(self.client.get(url).content.decode())
                shown = sorted((body.index(title), title) for title in expected)
                assert [title for _, title in shown] == expected, (url, shown)
        with translation.override("ca"):  # the issue's example is among them
            catalan = [t.sector.label for t in SectorPage.objects.live().filter(locale__language_code="ca")]
        assert "Tèxtil" in catalan and "Transició energètica" in catalan

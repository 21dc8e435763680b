"""The one answer to "which of the site's languages is this?" (core.language), which five copies of
`(get_language() or "ca")[:2]` gave before, one of them with a different default."""

from types import SimpleNamespace

from django.utils import translation

import pytest

from core.language import current_language, fallback_lang, in_language


@pytest.mark.parametrize(
    ("active", "expected"), [("ca", "ca"), ("es", "es"), ("en", "en"), ("en-gb", "en"), ("es-ar", "es")]
)
def test_the_active_language_is_read_as_one_of_the_sites(active, expected):
    with translation.override(active):
        assert current_language() == expected


@pytest.mark.parametrize("active", ["pt", "fr-fr", "de"])
def test_a_language_the_site_does_not_offer_falls_back_to_catalan(active):
    with translation.override(active):
        assert current_language() == "ca"


def test_outside_a_request_nothing_is_active_and_catalan_is_read():
    with translation.override(None):
        assert translation.get_language() is None
        assert current_language() == "ca"


def test_a_vocabulary_reads_the_visitors_language_or_the_catalan_and_says_which():
    term = SimpleNamespace(name="Habitatge", name_es="Vivienda", name_en="")
    with translation.override("es"):
        assert (in_language(term, "name"), fallback_lang(term, "name")) == ("Vivienda", "")
    with translation.override("en"):
        assert (in_language(term, "name"), fallback_lang(term, "name")) == ("Habitatge", "ca")
    with translation.override("ca"):
        assert (in_language(term, "name"), fallback_lang(term, "name")) == ("Habitatge", "")

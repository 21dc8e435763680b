"""The directory and the search show their filters with one template over one shape
(core.facets.build_facet, includes/facets.html): checkboxes where several values combine, radio
buttons with "All" where one value is chosen."""

from django.template.loader import render_to_string

import pytest

from core.facets import build_facet


def test_a_facet_is_open_when_asked_or_when_a_value_is_chosen():
    closed = build_facet("sector", "Sector", [("cures", "Cures", 2, False)], multiple=True, open=False)
    chosen = build_facet("sector", "Sector", [("cures", "Cures", 2, True)], multiple=True, open=False)
    assert (closed["open"], closed["chosen"]) == (False, False)
    assert (chosen["open"], chosen["chosen"]) == (True, True)
    assert chosen["options"] == [{"value": "cures", "label": "Cures", "count": 2, "selected": True}]


def test_several_values_are_checkboxes_and_one_value_is_a_radio_with_all():
    html = render_to_string(
        "includes/facets.html",
        {
            "facets": [
                build_facet("sector", "Sector", [("cures", "Cures", 2, True)], multiple=True),
                build_facet("tipus", "Tipus", [("initiatives", "Iniciatives", 5, False)], multiple=False),
                build_facet("familia", "Família", [], multiple=True, open=False),
            ]
        },
    )
    assert '<input type="checkbox" name="sector" value="cures" checked>' in html
    assert '<input type="radio" name="tipus" value="" checked>' in html  # "All", nothing chosen
    assert '<input type="radio" name="tipus" value="initiatives">' in html
    assert 'type="radio" name="sector"' not in html and 'type="checkbox" name="tipus"' not in html
    assert html.count("<details") == 3 and html.count('<details class="facet" open>') == 2
    assert "Cap valor amb resultats." in html  # the empty family facet says so (Catalan by default)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["/ca/directori/", "/ca/cerca/?q=habitatge"])
def test_the_directory_and_the_search_render_the_one_facet_template(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert "includes/facets.html" in [template.name for template in response.templates]

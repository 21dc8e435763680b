"""One shape for the filters beside a list of results, read by one template
(site/templates/includes/facets.html): the directory's (several values of a filter at once) and the
search's (one value, or all) were two shapes and two templates that had begun to differ."""


def build_facet(param, label, options, *, multiple, open=True):
    """A filter as the template shows it. `options` are (value, label, count, selected), each value a
    choice of the URL parameter `param`; `multiple` offers checkboxes, else radio buttons with "All";
    a filter with a chosen value is always open."""
    options = [
        {"value": value, "label": text, "count": count, "selected": selected}
        for value, text, count, selected in options
    ]
    chosen = any(option["selected"] for option in options)
    return {
        "param": param,
        "label": label,
        "options": options,
        "chosen": chosen,
        "multiple": multiple,
        "open": open or chosen,
    }

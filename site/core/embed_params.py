"""The map embed's own parameters, beside the directory's selection, written in one place.

`mapa.embed.EmbedOptions` is the typed object that reads an embed's address and writes it back; the
pages of apps that may not import `mapa` (a district page, a sector page's map block) frame the same
embed, so the writing of the view's parameters lives here, where every app may reach it, and
EmbedOptions writes through it too: one writer whatever page builds the address.
"""

DEFAULT_HEIGHT = 520
DEFAULT_LIST_MODE = "costat"
LIST_MODES = ("costat", "sota", "cap")


def view_params(
    layers=(),
    centre=None,
    zoom=None,
    min_zoom=None,
    max_zoom=None,
    height=None,
    controls=True,
    lock=True,
    list_mode=DEFAULT_LIST_MODE,
):
    """The (param, value) pairs of an embed's view, defaults left out so addresses stay short:
    capes, centre, zoom, zoom_min, zoom_max, alcada, controls, limita, llista."""
    pairs = [("capes", ",".join(layers))] if layers else []
    if centre:
        pairs.append(("centre", f"{centre[0]:.5f},{centre[1]:.5f}"))
    for param, value in (("zoom", zoom), ("zoom_min", min_zoom), ("zoom_max", max_zoom)):
        if value is not None:
            pairs.append((param, str(value)))
    if height not in (None, DEFAULT_HEIGHT):
        pairs.append(("alcada", str(height)))
    if not controls:
        pairs.append(("controls", "0"))
    if not lock:
        pairs.append(("limita", "0"))
    if list_mode != DEFAULT_LIST_MODE:
        pairs.append(("llista", list_mode))
    return pairs

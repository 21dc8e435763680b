"""The map's public views: the list of layers, one GeoJSON document per layer (cached, see
geojson_cache.py; its version is the ETag, so a browser or proxy that has it gets 304), the map page,
the embeds, oEmbed. The data endpoints are open to other sites' scripts (CORS): district offices'
pages load them; `open_data` is where that and their cache headers are set.
"""

import gzip
from dataclasses import replace
from functools import wraps
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.forms import modelform_factory
from django.http import HttpResponse, JsonResponse, QueryDict
from django.shortcuts import render
from django.urls import Resolver404, resolve, reverse
from django.utils.text import capfirst
from django.utils.translation import get_language_from_path, override
from django.utils.translation import gettext as _
from django.views.decorators.clickjacking import xframe_options_exempt
from django.views.decorators.http import require_safe

from csp.decorators import csp_replace

from core.collation import Collated
from core.language import current_language
from directori.models import District, EssFamily, Neighbourhood, Sector
from directori.selection import Selection

from . import listing, picture, usage
from .embed import EmbedOptions
from .features import AREA_MODELS, SELECTION, BadParameter, parse_bbox, shape, unknown_services
from .geojson_cache import document_key, fingerprint, gzipped_document
from .maps import map_context
from .models import Layer, MapEmbed

MAX_AGE = 300


def open_data(max_age=MAX_AGE):
    """For the views other sites' scripts read: every answer, errors included, open to any origin
    (CORS), and a successful one (200, or 304 to a matching ETag) cacheable by browsers and proxies
    for `max_age` seconds unless the view set its own Cache-Control; `max_age=None` for answers that
    are not cached (oEmbed)."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            response["Access-Control-Allow-Origin"] = "*"
            if max_age is not None and response.status_code in (200, 304):
                response.setdefault("Cache-Control", f"public, max-age={max_age}")
            return response

        return wrapped

    return decorator


def error(message, status=400):
    return JsonResponse({"error": str(message)}, status=status)


@require_safe
@open_data()
def layer_index(request):
    layers = [
        {
            "slug": layer.slug,
            "name": layer.label,
            "kind": layer.kind,
            "colour": layer.colour,
            "icon": layer.icon,
            "shown_by_default": layer.shown_by_default,
            "url": request.build_absolute_uri(reverse("mapa:layer", kwargs={"slug": layer.slug})),
        }
        for layer in Layer.objects.all()
    ]
    return JsonResponse({"layers": layers})


def _layer_and_problem(slug, params):
    """(layer, error response or None) for a layer's document or list group: 404 for an unknown
    layer, 400 for filter values that match nothing or a malformed box."""
    layer = SELECTION if slug == SELECTION.slug else Layer.objects.filter(slug=slug).first()
    if layer is None:
        message = _("There is no map layer called “%(slug)s”; /mapa/capes/ lists them.") % {"slug": slug}
        return None, error(message, 404)
    if problem := _unknown_filters(params):
        return layer, error(problem)
    try:
        parse_bbox(params.get("bbox"))
    except BadParameter as problem:
        return layer, error(problem)
    return layer, None


@require_safe
@open_data()
def layer(request, slug):
    params = request.GET
    layer, problem = _layer_and_problem(slug, params)
    if problem:
        return problem
    version = fingerprint()
    key = document_key(layer, params, version)
    etag = f'"{key}"'
    headers = {"ETag": etag, "Vary": "Accept-Encoding"}
    if etag in [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]:
        return HttpResponse(status=304, headers=headers)
    body = gzipped_document(layer, params, version)
    if "gzip" in request.headers.get("Accept-Encoding", ""):
        headers["Content-Encoding"] = "gzip"
    else:
        body = gzip.decompress(body)
    return HttpResponse(body, content_type="application/geo+json", headers=headers)


def _unknown_filters(params):
    """A message naming the filter values that match nothing, or None: a layer's document and its
    list group answer such a request with 400, not with an empty layer."""
    ignored = Selection.from_params(params).ignored + unknown_services(params)
    if ignored:
        return _("Unknown filter values: %(values)s") % {"values": ", ".join(ignored)}
    return None


@require_safe
@open_data()
def layer_list(request, slug):
    """One layer's group of the list beside the map, as HTML: map.js asks for it when a visitor
    switches on a layer the page did not list, so the list is rendered by one template only."""
    layer, problem = _layer_and_problem(slug, request.GET)
    if problem:
        return problem
    group = listing.group(layer, request.GET, Selection.from_params(request.GET))
    return render(request, "mapa/includes/list_group.html", {"group": group})


def _options(request):
    return EmbedOptions.from_query(request.GET, current_language())


def map_page(request):
    """/mapa/: the map with its layer control and the list beside it, the directory's filters, and the
    builder of embeds for the current view (submitted without JavaScript, the builder comes back here
    with its code written)."""
    options, problems = _options(request)
    options.height = options.height or 520
    language = request.GET.get(LANGUAGE_PARAM, "")
    if language and language not in dict(settings.LANGUAGES):
        problems.append(_language_problem())
    # The map page is for exploring: it keeps the view on the area only when asked (limita=1); the
    # embeds' default (on) stays in the builder's code.
    context = map_context(request, replace(options, lock=request.GET.get("limita") == "1"))
    code = replace(options, language=language) if language in dict(settings.LANGUAGES) else options
    context.update(
        problems=problems,
        fill_viewport=True,
        filters_template="mapa/includes/filters.html",
        sectors=Sector.objects.all(),
        families=EssFamily.objects.all(),
        neighbourhoods=Neighbourhood.objects.defer("geometry", "district__geometry")
        .select_related("district")
        .order_by(Collated("district__name"), Collated("name")),
        districts=District.objects.defer("geometry").order_by(Collated("name")),
        hidden_params=options.selection.hidden_params("q", "sector", "familia", "districte", "barri", "radi"),
        oembed_url=_oembed_link(request, request.get_full_path()),
    )
    context["builder"] = {  # includes/embed_builder.html's fields
        "district": code.district,
        "neighbourhood": code.neighbourhood,
        "lock": code.lock,
        "q": code.selection.text,
        "sector": next(iter(options.selection.selected["sector"]), ""),
        "family": next(iter(options.selection.selected["familia"]), ""),
        "hidden": options.selection.hidden_params("q", "sector", "familia", "districte", "barri"),
        "layers": _layer_choices(options),
        "list_mode": code.list_mode,
        "height": code.height,
        "language": code.language,
        "controls": code.controls,
        "min_zoom": code.min_zoom,
        "max_zoom": code.max_zoom,
        "code": code.iframe(request.build_absolute_uri("/")[:-1]),
        "url": code.url(),
        "title": code.title(context["area"]),
        "districts": context["districts"],
        "neighbourhoods": context["neighbourhoods"],
        "sectors": context["sectors"],
        "families": context["families"],
    }
    context.update(_preview_context(request, options))
    return render(request, "mapa/map_page.html", context)


LANGUAGE_PARAM = "idioma"  # the builder's language field: the embed address's prefix
# A saved embed's admin form, as far as it decides what the embed shows
EmbedPreviewForm = modelform_factory(MapEmbed, fields=MapEmbed.VIEW_FIELDS)


def _language_problem():
    languages = ", ".join(code for code, _name in settings.LANGUAGES)
    return _("%(param)s must be one of: %(values)s") % {"param": LANGUAGE_PARAM, "values": languages}


def _layer_choices(options):
    """The builder's layer checkboxes: the selection's layer, then every layer, ticked as the embed
    shows them."""
    layers = [SELECTION, *Layer.objects.all()]
    shown = options.shown_layers(layers)
    return [{"slug": layer.slug, "name": layer.label, "shown": layer.slug in shown} for layer in layers]


def _edited_embed_options(params, language):
    """(options, problems) of a saved embed's admin form as the editor has it now, unsaved: the
    fields that are wrong are left at their defaults and named in the problems."""
    form = EmbedPreviewForm(params)
    form.is_valid()
    embed = form.instance  # the form's valid fields only (model validation runs on it too)
    problems = [
        f"{form.fields[name].label}: {message}" if name in form.fields else message
        for name, messages in form.errors.items()
        for message in messages
    ]
    if embed.min_zoom and embed.max_zoom and embed.min_zoom > embed.max_zoom:
        embed.min_zoom = embed.max_zoom = None
    # the model's validators and clean() (zoom 1 to 19, height) judge the built instance: undo what failed
    for name in form.errors:
        if name in form.fields:
            field = MapEmbed._meta.get_field(name)
            if not field.many_to_many:
                setattr(embed, field.attname, field.get_default())
    related = {name: form.cleaned_data.get(name) for name in ("layers", "sectors", "families", "tags")}
    options = embed.options(language, related)
    problems += options.keep_neighbourhood_in_district()  # the saved form refuses it (MapEmbedForm)
    try:
        validate_slug(params.get("slug", ""))
        options.preset = params["slug"]
    except ValidationError as wrong:  # no address yet: the code is that of the options themselves
        if params.get("slug"):
            problems += [
                f"{capfirst(MapEmbed._meta.get_field('slug').verbose_name)}: {m}" for m in wrong.messages
            ]
    return options, problems


@require_safe
def embed_code(request):
    """The builders' one writer of embed addresses. The builder on the map page, on district and
    neighbourhood pages and beside a saved embed's admin form sends its fields here on each change
    (EmbedOptions' own parameters and `idioma`; with `admin=1`, the admin form's fields, for editors)
    and shows the answer: the address, the iframe code, the title, the layers as the embed shows them
    and the problems found (the code leaves those parts out). So no script ever composes an embed
    address."""
    language = request.GET.get(LANGUAGE_PARAM) or current_language()
    if language not in dict(settings.LANGUAGES):
        return error(_language_problem())
    if request.GET.get("admin"):
        if not request.user.has_perm("wagtailadmin.access_admin"):
            return error(_("Only editors can preview the form of a saved embed."), 403)
        options, problems = _edited_embed_options(request.GET, language)
    else:
        options, problems = EmbedOptions.from_query(request.GET, language)
        problems += options.keep_neighbourhood_in_district()
    origin = request.build_absolute_uri("/")[:-1]
    preview = replace(options, preset="")  # what is being edited, before a saved embed is saved
    response = JsonResponse(
        {
            "url": options.url(),
            "absolute_url": origin + options.url(),
            "iframe": options.iframe(origin),
            "title": options.title(),
            "height": options.height,
            "preview": preview.url(),
            "layers": _layer_choices(options),
            "problems": problems,
        }
    )
    response["Cache-Control"] = "private, no-cache"
    return response


def framable(view):
    """The one exception to `frame-ancestors 'none'`: our own pages (district pages, map blocks) and
    the sites in EMBED_FRAME_ANCESTORS may frame `view`. Read per request, so the setting can change
    without a new process in tests."""

    @wraps(view)
    def wrapped(request, *args, **kwargs):
        ancestors = ["'self'", *settings.EMBED_FRAME_ANCESTORS.split()]
        return csp_replace({"frame-ancestors": ancestors})(xframe_options_exempt(view))(
            request, *args, **kwargs
        )

    return wrapped


@framable
def embed(request, slug=None):
    """/mapa/incrusta/: the map alone, for other sites' iframes (the only framable views); with a
    slug, a saved embed (MapEmbed) whose options editors keep in the admin."""
    if slug:
        preset = MapEmbed.objects.filter(slug=slug).first()
        if preset is None:  # shown inside a host's page: a page in its language, not JSON
            return render(request, "mapa/embed_missing.html", {"slug": slug}, status=404)
        options, problems = preset.options(current_language()), []
    else:
        options, problems = _options(request)
    context = map_context(request, options)
    context.update(problems=problems, oembed_url=_oembed_link(request, request.get_full_path()))
    context.update(_preview_context(request, options))
    response = render(request, "mapa/embed.html", context)
    if request.method == "GET":
        usage.count_load(request, options)
    return response


def _oembed_link(request, path):
    """The absolute oEmbed discovery address of the map at `path` (consumers fetch it from
    elsewhere, where a relative address means nothing)."""
    return request.build_absolute_uri(
        f"{reverse('mapa:oembed')}?{urlencode({'url': request.build_absolute_uri(path)})}"
    )


def _whole_number(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@require_safe
@open_data(max_age=None)
def oembed(request):
    """oEmbed (https://oembed.com/) for the map and its embeds: a "rich" type with the iframe."""
    url = request.GET.get("url", "")
    if not url:
        return error(_("Give the address of a map with ?url="))
    if request.GET.get("format", "json") != "json":
        return error(_("Only the json format is offered."), 501)
    parsed = urlsplit(url)
    if parsed.netloc and parsed.netloc != request.get_host():
        return error(_("That address is not a map of this site."), 404)
    # the address's own language decides (one endpoint answers for /ca/, /es/ and /en/ maps)
    language = get_language_from_path(parsed.path)
    match = None
    if language:
        try:
            with override(language):
                match = resolve(parsed.path)
        except Resolver404:
            pass
    if match is None or match.view_name not in ("mapa:embed", "mapa:embed_preset", "mapa:index"):
        return error(_("That address is not a map of this site."), 404)
    preset = MapEmbed.objects.filter(slug=match.kwargs.get("slug", "")).first()
    if match.view_name == "mapa:embed_preset" and preset is None:
        return error(_("That address is not a map of this site."), 404)
    options = (
        preset.options(language) if preset else EmbedOptions.from_query(QueryDict(parsed.query), language)[0]
    )
    width = 800
    # Maximums, but never below what an embed accepts; anything but a whole number is ignored, as
    # oEmbed asks ("²".isdigit() is true, so int() itself decides).
    if (maxheight := _whole_number(request.GET.get("maxheight"))) is not None:
        options.height = max(200, min(options.height, maxheight))
    if (maxwidth := _whole_number(request.GET.get("maxwidth"))) is not None:
        width = max(200, min(width, maxwidth))
    origin = request.build_absolute_uri("/")[:-1]
    return JsonResponse(
        {
            "version": "1.0",
            "type": "rich",
            "provider_name": "ESS Barcelona",
            "provider_url": origin + "/",
            "title": options.title(),
            "html": options.iframe(origin),
            "width": width,
            "height": options.height,
            "thumbnail_url": origin + picture_url(options),
            "thumbnail_width": picture.WIDTH,
            "thumbnail_height": picture.HEIGHT,
        }
    )


@require_safe
@open_data()
def area(request, kind, slug):
    """One district's or neighbourhood's boundary, for an embed to draw and fit (`kind` as in
    features.AREA_MODELS)."""
    model = AREA_MODELS.get(kind)
    place = model.objects.filter(slug=slug).first() if model else None
    if place is None:
        return error(_("There is no such district or neighbourhood."), 404)
    document = {
        "type": "FeatureCollection",
        "features": [
            {"type": "Feature", "geometry": shape(place.geometry), "properties": {"name": place.name}}
        ],
    }
    return JsonResponse(document, content_type="application/geo+json")


# --- Issue 15, point 7: a still picture of each embed, for link previews and <noscript> ---


def picture_url(options):
    """The address of the picture of `options`: a saved embed's own, or the ad-hoc one with the same
    query as the embed."""
    with override(options.language):
        if options.preset:
            return reverse("mapa:embed_picture", kwargs={"slug": options.preset})
        query = options.to_query()
        return reverse("mapa:embed_picture_adhoc") + (f"?{query}" if query else "")


def _preview_context(request, options):
    """What the Open Graph tags and the <noscript> picture need."""
    return {
        "preview_title": options.title(),
        "preview_image": request.build_absolute_uri(picture_url(options)),
        "preview_url": request.build_absolute_uri(request.get_full_path()),
        "preview_width": picture.WIDTH,
        "preview_height": picture.HEIGHT,
    }


@require_safe
@open_data()
def embed_picture(request, slug=None):
    """/mapa/incrusta/<slug>.png and /mapa/incrusta/imatge.png?<options>: the embed drawn as a PNG
    (mapa.picture); 404 for an unknown saved embed, 400 for options that are wrong."""
    language = current_language()
    if slug:
        preset = MapEmbed.objects.filter(slug=slug).first()
        if preset is None:
            return error(_("There is no saved map embed called “%(slug)s”.") % {"slug": slug}, 404)
        options = preset.options(language)
    else:
        options, problems = _options(request)
        if problems:
            return error("; ".join(str(p) for p in problems))
    key = picture.picture_key(options)
    headers = {"ETag": f'"{key}"'}
    if headers["ETag"] in [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]:
        return HttpResponse(status=304, headers=headers)
    return HttpResponse(picture.png(options, key), content_type="image/png", headers=headers)

"""The public directory: the filtered listing and each initiative's page. Live initiatives only."""

import json

from django.core.paginator import Paginator
from django.http import FileResponse, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from core.collation import Collated
from core.embed_params import view_params
from core.language import current_language

from .exporting import JSONLD_CONTEXT, LICENCE_URL, cached_file, export_key, organisation, rows
from .models import District, EssFamily, Initiative, Neighbourhood, Sector
from .proposals import ProposalForm, client_hash, over_limit
from .selection import SORTS, Selection
from .svg_map import city_svg
from .versions import fingerprint

PER_PAGE = 20


def directory(request):
    selection = Selection.from_params(request.GET)
    page = Paginator(selection.results(), PER_PAGE).get_page(request.GET.get("pagina"))
    selection.with_distances(page.object_list)
    facets = selection.facets()
    context = {
        "query": selection,
        "page": page,
        "facets": facets,
        "sorts": [(key, label) for key, (_, label) in SORTS.items() if key != "distancia" or selection.near],
        "relaxations": selection.relaxations() if not page.paginator.count else [],
        "without_near": selection.changed(near=None, radius=None).directory_url,
        "chips": selection.chips(facets),
        "kept": selection.query_string(),
        "map_url": selection.map_url,
        "exports": [
            (label, selection.url("directori:export", sort=False, fmt=fmt))
            for fmt, label in (("csv", "CSV"), ("geojson", "GeoJSON"), ("jsonld", "JSON-LD"))
        ],
        "licence_url": LICENCE_URL,
    }
    return render(request, "directori/directory.html", context)


def area_detail(request, kind, slug):
    """A district's or neighbourhood's page: its initiatives, counts per sector and family, and
    initiatives per 1,000 inhabitants where the population is loaded."""
    model, param = {"district": (District, "districte"), "neighbourhood": (Neighbourhood, "barri")}[kind]
    area = get_object_or_404(model.objects.defer("geometry"), slug=slug)
    selection = Selection.of(**{param: [slug]})
    page = Paginator(selection.results(), PER_PAGE).get_page(request.GET.get("pagina"))
    facets = {facet["param"]: facet for facet in selection.facets()}
    for facet in ("sector", "familia"):  # each count links to the directory, this area and that value
        for option in facets[facet]["options"]:
            option["url"] = Selection.of(**{param: [slug], facet: [option["value"]]}).directory_url
    total = page.paginator.count
    context = {
        "area": area,
        "kind": kind,
        "page": page,
        "total": total,
        "per_thousand": area.per_thousand(total),
        "sectors": facets["sector"]["options"],
        "families": facets["familia"]["options"],
        "neighbourhoods": facets["barri"]["options"] if kind == "district" else None,
        "selection": selection,
        "embed_src": selection.url("mapa:embed", sort=False, extra=view_params(list_mode="sota")),
        # The embed builder, preset to this area (site/templates/includes/embed_builder.html): its
        # script asks the map for the code and the layers, so nothing here knows the map app.
        "builder": {
            "district": slug if kind == "district" else area.district.slug,
            "neighbourhood": slug if kind == "neighbourhood" else "",
            "districts": District.objects.defer("geometry").order_by(Collated("name")),
            "neighbourhoods": Neighbourhood.objects.defer("geometry", "district__geometry")
            .select_related("district")
            .order_by(Collated("district__name"), Collated("name")),
            "sectors": Sector.objects.all(),
            "families": EssFamily.objects.all(),
        },
    }
    return render(request, "directori/area_detail.html", context)


def initiative_detail(request, slug):
    initiative = get_object_or_404(
        Initiative.objects.live()
        .select_related("family", "district", "neighbourhood", "logo")
        .defer("district__geometry", "neighbourhood__geometry"),
        slug=slug,
    )
    context = {
        "initiative": initiative,
        "map": city_svg(
            initiative.longitude,
            initiative.latitude,
            highlight_district_id=initiative.district_id,
            label=initiative.name,
        )
        if initiative.has_point
        else "",
        "json_ld": json_ld(request, initiative),
    }
    return render(request, "directori/initiative_detail.html", context)


SCRIPT_SAFE = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(request, initiative):
    """schema.org Organization as JSON for a <script type="application/ld+json">; <, > and & are
    written as JSON escapes, so no name or description can close the element."""
    row = next(rows(Initiative.objects.filter(pk=initiative.pk)))
    family = initiative.family.label if initiative.family else ""
    data = {"@context": JSONLD_CONTEXT, **organisation(row, request.build_absolute_uri(), family)}
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(SCRIPT_SAFE))  # noqa: S308  (escaped above)


EXPORTS = {
    "csv": "text/csv; charset=utf-8",
    "geojson": "application/geo+json",
    "jsonld": "application/ld+json",
}
MAX_AGE = 300


def export(request, fmt):
    """The listing's filtered set as open data. Values that match nothing are an error here (400): a
    script asking for them should hear about it rather than get another set."""
    selection = Selection.from_params(request.GET)
    if selection.ignored:
        message = "Unknown filter values: " + ", ".join(selection.ignored)
        return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
    return open_data(request, selection, fmt, attachment=True)


def open_data(request, selection, fmt, attachment=False):
    """The export of a query (the downloads here, the API's GeoJSON): a file on disk built once per
    version of the data and these parameters, streamed from there; its key is the ETag."""
    params = selection.params(sort=False)  # exports are in id order
    # JSON-LD carries absolute URLs (in this host and language) and family names in that language
    context = (current_language(), request.build_absolute_uri("/")) if fmt == "jsonld" else ()
    key = export_key(fingerprint(), fmt, params, context)
    gzipped = "gzip" in request.headers.get("Accept-Encoding", "")
    etag = f'"{key}-gzip"' if gzipped else f'"{key}"'  # one per representation
    headers = {
        "ETag": etag,
        "Cache-Control": f"public, max-age={MAX_AGE}",
        "Vary": "Accept-Encoding",
        "Link": f'<{LICENCE_URL}>; rel="license"',
    }
    if etag in [t.strip() for t in request.headers.get("If-None-Match", "").split(",")]:
        return HttpResponse(status=304, headers=headers)
    if gzipped:
        headers["Content-Encoding"] = "gzip"
    stream = cached_file(fmt, selection.initiatives(), key, request.build_absolute_uri, gzipped=gzipped)
    return FileResponse(
        stream,
        content_type=EXPORTS[fmt],
        headers=headers,
        as_attachment=attachment,
        filename=f"iniciatives.{fmt}",  # not the cache file's name
    )


def propose(request):
    """A public proposal: a new initiative (it becomes a draft) or a correction (?correccio=<slug>)."""
    target = None
    if slug := request.GET.get("correccio") or request.POST.get("correccio"):
        target = get_object_or_404(Initiative.objects.live(), slug=slug)
    form = ProposalForm(request.POST or None, correction_of=target)
    status = 200
    if request.method == "POST":
        if over_limit(request, request.POST.get("proposer_email", "")):
            form.add_error(
                None, _("Too many proposals from this connection or e-mail: please try again in an hour.")
            )
            status = 429
        elif form.is_valid():
            if not form.is_robot:
                form.save(client_hash=client_hash(request))
            return redirect("directori:proposal_thanks")
        else:
            status = 400
    return render(request, "directori/propose.html", {"form": form, "target": target}, status=status)


def proposal_thanks(request):
    return render(request, "directori/proposal_thanks.html")

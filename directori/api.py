"""The directory's JSON API (django-ninja): initiatives with the listing's filters, as JSON pages or
one GeoJSON collection, and the vocabularies. Mounted at /api/v1/ by config.api."""

from django.shortcuts import get_object_or_404

from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

from core.text import plain_text

from .exporting import LICENCE_URL
from .models import District, EssFamily, Initiative, LayerTag, Neighbourhood, Sector
from .selection import MAX_RADIUS, Selection
from .views import open_data

router = Router(tags=["directori"])


class Term(Schema):
    slug: str
    name: str
    name_es: str = ""
    name_en: str = ""


class Area(Schema):
    code: str
    slug: str
    name: str
    population: int | None = None


class NeighbourhoodOut(Area):
    district: str

    @staticmethod
    def resolve_district(obj):
        return obj.district.slug


class InitiativeOut(Schema):
    slug: str
    name: str
    url: str
    description: str
    description_es: str
    description_en: str
    family: str | None
    sectors: list[str]
    tags: list[str]
    address: str
    postcode: str
    latitude: float | None
    longitude: float | None
    district: str | None
    neighbourhood: str | None
    outside_city: bool
    website: str
    email: str
    phone: str

    @staticmethod
    def resolve_url(obj):
        return obj.get_absolute_url()

    @staticmethod
    def resolve_description(obj):
        return plain_text(obj.description)

    @staticmethod
    def resolve_description_es(obj):
        return plain_text(obj.description_es)

    @staticmethod
    def resolve_description_en(obj):
        return plain_text(obj.description_en)

    @staticmethod
    def resolve_family(obj):
        return obj.family.slug if obj.family else None

    @staticmethod
    def resolve_sectors(obj):
        return [s.slug for s in obj.sectors.all()]

    @staticmethod
    def resolve_tags(obj):
        return [t.slug for t in obj.tags.all()]

    @staticmethod
    def resolve_district(obj):
        return obj.district.slug if obj.district else None

    @staticmethod
    def resolve_neighbourhood(obj):
        return obj.neighbourhood.slug if obj.neighbourhood else None


class InitiativePage(Schema):
    count: int
    page: int
    pages: int
    licence: str
    results: list[InitiativeOut]


class Filters(Schema):
    """The directory's filters; several values of one parameter mean any of them."""

    q: str = ""
    sector: list[str] = []
    familia: list[str] = []
    districte: list[str] = []
    barri: list[str] = []
    capa: list[str] = []
    a_prop: str = Field("", description="A point, latitude,longitude: results sorted by distance from it")
    radi: int | None = Field(None, description="Metres from a_prop", ge=1, le=MAX_RADIUS)
    ordre: str = Field("", description="nom, recents, or distancia (the default with a_prop)")


def _query(request):
    selection = Selection.from_params(request.GET)
    if selection.ignored:
        raise HttpError(400, "Unknown filter values: " + ", ".join(selection.ignored))
    return selection


@router.get("/initiatives", response=InitiativePage, summary="Live initiatives, filtered and paginated")
def initiatives(
    request, filters: Query[Filters], page: int = Query(1, ge=1), page_size: int = Query(20, ge=1, le=100)
):
    results = _query(request).results().prefetch_related("tags")
    count = results.count()
    pages = max(1, -(-count // page_size))
    if page > pages:
        raise HttpError(400, f"page {page} does not exist: there are {pages}")
    start = (page - 1) * page_size
    return {
        "count": count,
        "page": page,
        "pages": pages,
        "licence": LICENCE_URL,
        "results": list(results[start : start + page_size]),
    }


@router.get("/initiatives.geojson", summary="Live initiatives, filtered, as one GeoJSON FeatureCollection")
def initiatives_geojson(request, filters: Query[Filters]):
    return open_data(request, _query(request), "geojson")


@router.get("/initiatives/{slug}", response=InitiativeOut, summary="One live initiative")
def initiative(request, slug: str):
    return get_object_or_404(
        Initiative.objects.live()
        .select_related("family", "district", "neighbourhood")
        .prefetch_related("sectors", "tags"),
        slug=slug,
    )


@router.get("/districts", response=list[Area])
def districts(request):
    return District.objects.defer("geometry")


@router.get("/neighbourhoods", response=list[NeighbourhoodOut])
def neighbourhoods(request):
    return Neighbourhood.objects.defer("geometry").select_related("district")


@router.get("/families", response=list[Term])
def families(request):
    return EssFamily.objects.all()


@router.get("/sectors", response=list[Term])
def sectors(request):
    return Sector.objects.all()


@router.get("/layer-tags", response=list[Term])
def layer_tags(request):
    return LayerTag.objects.all()

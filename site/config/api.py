"""The public JSON API at /api/v1/: one NinjaAPI that mounts each app's router (apps never import
each other through it). OpenAPI at /api/v1/openapi.json, interactive docs at /api/v1/docs, served
from django-ninja's own static files (no CDN)."""

from ninja import NinjaAPI

from directori.api import router as directori_router

api = NinjaAPI(
    title="ESS Barcelona",
    version="1",
    description="Open data of Barcelona's social and solidarity economy directory. Licence: CC BY 4.0.",
    urls_namespace="api-v1",
)
api.add_router("/", directori_router)

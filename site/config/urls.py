"""URLs grouped by policy, as wagtail.org's and uMap's URL confs group them.

Private routes (admin, documents) carry no language prefix, and Wagtail sends them with no-cache
headers. Public routes live under a language prefix (/ca/, /es/, /en/); each domain app owns its
section, and Wagtail's page serving comes last so it only sees what no app claimed.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.documents import urls as wagtaildocs_urls

from core import health
from mapa.permissions import SiteHistory

from .api import api

private_patterns = [
    path("healthz", health.liveness, name="healthz"),
    path("readyz", health.readiness, name="readyz"),
    path("api/v1/", api.urls),
    # Wagtail's site history, without other district offices' embeds (mapa.permissions.SiteHistory)
    path("admin/reports/site-history/", require_admin_access(SiteHistory.as_view())),
    path("admin/reports/site-history/results/", require_admin_access(SiteHistory.as_view(results_only=True))),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

public_patterns = i18n_patterns(
    path("directori/", include("directori.urls")),
    path("mapa/", include("mapa.urls")),
    path("cerca/", include("search.urls")),
    path("", include("intercoop.urls")),  # /collaboracions/, /espai/, /mentoria/
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

urlpatterns = private_patterns + public_patterns

# A database that cannot be reached answers 503 with Retry-After, anything else Django's 500.
handler500 = "core.unavailable.server_error"

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns = static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT) + urlpatterns

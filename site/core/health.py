"""Health endpoints for the reverse proxy and the process supervisor (django-health-check).

`/healthz` is liveness: the process answers, nothing else is checked, so a database outage never
gets healthy workers restarted. `/readyz` is readiness: the database answers a query and the cache
stores and returns a value; 503 when either fails (the site still serves pages without Redis, so a
failing cache there means degraded, not down). Both live outside the language prefix and the HTTPS
redirect (see settings.production), and are never cached.
"""

from django.db import transaction

from health_check.views import HealthCheckView


class HealthView(HealthCheckView):
    async def dispatch(self, request, *args, **kwargs):
        response = await super().dispatch(request, *args, **kwargs)
        if response.status_code == 500:  # the library's "a check failed"; proxies expect 503
            response.status_code = 503
        return response


# Async views cannot run inside ATOMIC_REQUESTS' transaction; the checks open their own connections.
liveness = transaction.non_atomic_requests(HealthView.as_view(checks=()))
readiness = transaction.non_atomic_requests(
    HealthView.as_view(checks=("health_check.checks.Database", "health_check.checks.Cache"))
)

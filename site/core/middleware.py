from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware

# Routes outside i18n_patterns: their 404s are answers, not pages missing a language prefix.
UNPREFIXED = ("/api/", "/admin/", "/documents/", "/static/", "/media/", "/healthz", "/readyz")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's LocaleMiddleware turns a 404 on an unprefixed path into a redirect to /ca/<path>
    whenever that path resolves, and Wagtail's catch-all page route makes every path resolve. That
    would turn an API's 404 into a 302 to a page; the unprefixed routes keep their own answers."""

    def process_response(self, request, response):
        if request.path.startswith(UNPREFIXED):
            return response
        return super().process_response(request, response)

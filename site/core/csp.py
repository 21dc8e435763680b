"""The Content-Security-Policy header: django-csp's middleware, with the Wagtail admin's allowances.

Public pages get `CONTENT_SECURITY_POLICY` as it is: no inline script without the request's nonce.
Under /admin/ the directives in `ADMIN_CONTENT_SECURITY_POLICY` replace the site's, and only there:

- script-src 'unsafe-inline': Wagtail 8 writes inline `<script>` elements that carry no nonce and that
  a project cannot give one, in the page editor (the snippet chooser widget's
  `new SnippetChooser(…)`: a table's sector, a member initiative; InlinePanel's
  `new InlinePanel(…)`: a table's contacts and members, a project's participants, places and updates,
  a news item's attachments; the date widgets' `initDateChooser(…)`: a project's and a news item's
  dates), and in the filters of the page explorer, the users list and the site history. Measured
  with Chromium: without it those pages' choosers, inline forms and date pickers do not work. A
  nonce in script-src would make browsers ignore 'unsafe-inline', so the admin's has none.
- img-src blob:: the multiple image upload previews each file from a `blob:` address.
- frame-ancestors 'self': the editor's live preview frames the admin's preview view.

Styles need no allowance there beyond the site's (`style` attributes). Every admin page is behind
the login, and staff's text is escaped in it.
"""

from django.conf import settings

from csp.middleware import CSPMiddleware as BaseCSPMiddleware

ADMIN_PREFIX = "/admin/"


class CSPMiddleware(BaseCSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and request.path_info.startswith(ADMIN_PREFIX):
            parts.replace = {**settings.ADMIN_CONTENT_SECURITY_POLICY, **(parts.replace or {})}
        return parts

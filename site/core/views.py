"""Views of the site shell that belong to no app."""

from django.conf import settings
from django.template.response import TemplateResponse


def login_locked_out(request, original_response=None, credentials=None):
    """What django-axes answers once a client has used up its wrong passwords (AXES_LOCKOUT_CALLABLE):
    the admin's sign-in page with the reason and how long to wait, in the visitor's language, as a 429
    (the right password is refused too until the cool-off ends)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    response = TemplateResponse(request, "core/login_locked_out.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response.render()

"""Views of the site shell that belong to no app."""

from django.conf import settings
from django.template.response import TemplateResponse
from django.urls import reverse


def login_locked_out(request, original_response=None, credentials=None):
    """What django-axes answers once a client has used up its wrong passwords (AXES_LOCKOUT_CALLABLE):
    the reason and how long to wait, in the visitor's language, as a 429 (the right password is refused
    too until the cool-off ends). In the admin's look for the admin's sign-in; in the public site's for
    a public sign-in (an initiative's space), with a link back to the form it came from."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    in_admin = request.path.startswith(reverse("wagtailadmin_home"))
    template = "core/login_locked_out.html" if in_admin else "core/login_locked_out_public.html"
    context = {"minutes": minutes, "login_url": request.path}
    response = TemplateResponse(request, template, context, status=429)
    response["Retry-After"] = str(minutes * 60)
    return response.render()

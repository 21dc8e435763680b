"""E-mails of the intercooperation tools, each in its recipient's language (a Space's, an access link's),
whatever language the sender reads the site in."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template import Context
from django.template.loader import get_template
from django.utils import translation

from .models import Membership


def people_of(initiative):
    """The addresses of the people acting for `initiative` (active accounts with an e-mail), sorted."""
    return sorted(
        set(
            Membership.objects.filter(initiative=initiative, user__is_active=True)
            .exclude(user__email="")
            .values_list("user__email", flat=True)
        )
    )


def language_of(initiative):
    """The language an initiative's e-mails are written in: its space's, else the site's (Catalan)."""
    space = getattr(initiative, "space", None)
    return space.language if space else settings.LANGUAGE_CODE


def absolute(path):
    """A site path as a full address, for e-mails (which may be sent outside a request)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def render_text(name, context):
    """A plain-text template rendered without HTML escaping ("L'Ateneu", not "L&#x27;Ateneu")."""
    return get_template(name).template.render(Context(context, autoescape=False))


def send(to, language, template, context, reply_to=None):
    """Render intercoop/mail/<template>_subject.txt and <template>.txt in `language` and send them to
    each address in `to` (a list), one message each: the people of a team never see one another's
    addresses. Plain text: nothing is HTML-escaped."""
    with translation.override(language):
        subject = " ".join(render_text(f"intercoop/mail/{template}_subject.txt", context).split())
        body = render_text(f"intercoop/mail/{template}.txt", context)
    for address in to:
        EmailMessage(subject, body, to=[address], reply_to=reply_to).send()

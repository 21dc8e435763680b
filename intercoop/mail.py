"""E-mails of the intercooperation tools, each in its recipient's language (a Space's, an access link's),
whatever language the sender reads the site in."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation


def absolute(path):
    """A site path as a full address, for e-mails (which may be sent outside a request)."""
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def send(to, language, template, context, reply_to=None):
    """Render intercoop/mail/<template>_subject.txt and <template>.txt in `language` and send them to
    the addresses in `to` (a list). Templates are plain text: nothing is HTML-escaped."""
    with translation.override(language):
        subject = " ".join(render_to_string(f"intercoop/mail/{template}_subject.txt", context).split())
        body = render_to_string(f"intercoop/mail/{template}.txt", context)
    EmailMessage(subject, body, to=to, reply_to=reply_to).send()

"""The moderation workflow's name in each admin user's language.

Wagtail keeps a workflow's and a task's name in one database column and shows it as it is
(`workflow.name`, `task.name`): in the "Submit to …" button, the status panel, the moderation history,
the reports and the notification e-mails. The project's workflow and its task are Wagtail's own,
created by its migration as "Moderators approval" and named in Catalan by sectors' migration 0002.

Here the `name` attribute of Workflow and Task (installed by CoreConfig.ready) reads such a known name,
stored as the msgid or as any of its translations, as the msgid, and shows it in the active language.
A name an editor types is shown as typed. Saving a workflow stores the name in the language it was
edited in, which reads back the same way.
"""

from functools import cache

from django.conf import settings
from django.db.models.query_utils import DeferredAttribute
from django.utils import translation
from django.utils.translation import gettext, gettext_noop

NAMES = (gettext_noop("Moderators approval"),)


@cache
def msgids():
    """Each known name and each of its translations → the msgid (the catalogues are read once)."""
    found = {}
    for msgid in NAMES:
        found[msgid] = msgid
        for code, _name in settings.LANGUAGES:
            with translation.override(code):
                found[gettext(msgid)] = msgid
    return found


class TranslatedName(DeferredAttribute):
    """A model's `name` field, as stored in the row unless it is a known name (then translated)."""

    def __get__(self, instance, cls=None):
        value = super().__get__(instance, cls)
        if instance is None:
            return value
        return gettext(value) if value in NAMES else value

    def __set__(self, instance, value):
        instance.__dict__[self.field.attname] = msgids().get(value, value)


def install():
    from wagtail.models import Task, Workflow

    for model in (Workflow, Task):
        model.name = TranslatedName(model._meta.get_field("name"))

"""Tell each initiative, a week ahead, that one of its offers or needs is about to expire (run daily by
deploy/ess-remind-posts.timer). Each post is reminded once (`reminded_at`; editing its date clears it),
so a rerun sends nothing new."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy, ngettext

from core.management.base import LocalizedCommand

from ... import mail
from ...models import Post

AHEAD = timedelta(days=7)


class Command(LocalizedCommand):
    help = gettext_lazy("E-mail the people of each initiative whose offers or needs expire within a week.")

    def handle(self, *args, **options):
        today = timezone.localdate()
        due = (
            Post.objects.listed()
            .filter(valid_until__lte=today + AHEAD, reminded_at__isnull=True)
            .select_related("initiative__space")
            .order_by("initiative_id", "valid_until", "pk")
        )
        sent = 0
        for post in due:
            people = mail.people_of(post.initiative)
            if people:
                language = mail.language_of(post.initiative)
                with translation.override(language):  # the links in the reader's language too
                    edit = reverse(
                        "intercoop:post_edit", kwargs={"slug": post.initiative.slug, "post_slug": post.slug}
                    )
                    context = {
                        "post": post,
                        "edit_url": mail.absolute(edit),
                        "page_url": mail.absolute(post.get_absolute_url()),
                    }
                mail.send(people, language, "post_expiring", context)
                sent += 1
            post.reminded_at = timezone.now()
            post.save(update_fields=["reminded_at"])
        self.stdout.write(
            ngettext(
                "%(count)d reminder sent.",
                "%(count)d reminders sent.",
                sent,
            )
            % {"count": sent}
        )

"""Rate limits per account, counted in the database (as directori.proposals counts proposals): they
hold for every process, whether or not the cache is up."""

from datetime import timedelta

from django.utils import timezone

POSTS_PER_DAY = 10
MESSAGES_PER_HOUR = 10
AGREEMENTS_PER_DAY = 10  # each one e-mails the other party's people


def over_limit(queryset, user_field, user, limit, period):
    """True when `user` already made `limit` rows of `queryset` (by `user_field`, a foreign key to the
    user, and `created_at`) within `period` (a timedelta)."""
    since = timezone.now() - period
    return queryset.filter(**{user_field: user, "created_at__gte": since}).count() >= limit


DAY, HOUR = timedelta(days=1), timedelta(hours=1)

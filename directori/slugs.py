"""Initiative slugs: the name's slug, numbered ("casal", "casal-2", ...) after those already taken.

One numbering for the initiative saved alone (`Initiative.save`) and for thousands written in bulk
by the importer, so the two never disagree about which slug comes next.
"""

from django.utils.text import slugify

MAX_BASE_LENGTH = 190  # the slug field holds 200: room for "-" and a number


def slug_base(name):
    """The unnumbered slug of a name; "iniciativa" when the name has no letter or digit to keep."""
    return slugify(name)[:MAX_BASE_LENGTH] or "iniciativa"


class FreeSlugs:
    """Unique slugs for many names at once in linear time: each name's next number is remembered,
    so 50,000 initiatives called the same take 50,000 steps, not 50,000² / 2."""

    def __init__(self, taken):
        self.taken, self.next = set(taken), {}

    def take(self, name):
        base = slug_base(name)
        slug, n = base, self.next.get(base, 1)
        if n > 1:
            slug = f"{base}-{n}"
        while slug in self.taken:
            n += 1
            slug = f"{base}-{n}"
        self.next[base] = n + 1
        self.taken.add(slug)
        return slug

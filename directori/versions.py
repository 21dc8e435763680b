"""The version of the directory's public data: one fingerprint, read by every cache of documents built
from it (the open-data exports here, the map's layers in mapa), so an edit, an import or a deletion
shows at once on every process and host, with no invalidation to forget."""

import hashlib

from django.db.models import Count, Max

from .models import District, EssFamily, Initiative, LayerTag, NeedWord, Neighbourhood, Sector


def fingerprint(*extra):
    """A short hash that changes whenever an initiative, its sectors or layer tags, a vocabulary, a need
    word or an area changes, in a few aggregate queries whatever the size. `extra` adds (queryset, field) pairs
    another app's documents also read: their count and latest value of that field.

    Counts catch deletions, the latest `updated_at` catches edits and additions; the link tables are
    only ever inserted into or deleted from, so their count and highest id catch every change."""
    vocabularies = [
        list(model.objects.order_by("pk").values_list()) for model in (Sector, EssFamily, LayerTag)
    ]
    aggregates = [
        queryset.aggregate(n=Count("pk"), latest=Max(field))
        for queryset, field in (
            (Initiative.objects.all(), "updated_at"),
            (Initiative.sectors.through.objects.all(), "pk"),
            (Initiative.tags.through.objects.all(), "pk"),
            (District.objects.all(), "updated_at"),
            (Neighbourhood.objects.all(), "updated_at"),
            # need words decide what a query's text selects (directori.needs)
            (NeedWord.objects.all(), "updated_at"),
            *(
                (NeedWord._meta.get_field(name).remote_field.through.objects.all(), "pk")
                for name in ("sectors", "families", "tags")
            ),
            *extra,
        )
    ]
    return hashlib.sha256(repr(vocabularies + aggregates).encode()).hexdigest()[:20]

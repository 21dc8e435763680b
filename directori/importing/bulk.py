"""Bulk writes shared by the import and its undo: rows updated with one prepared statement,
revisions and the search and reference indexes brought in line in a constant number of queries."""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from wagtail.models import ReferenceIndex, Revision
from wagtail.search.backends import get_search_backends

from ..models import Initiative

CHUNK = 2000  # rows written, placed, indexed and revised together: memory stays flat at any size
BATCH = 1000


def update_rows(initiatives, fields):
    """UPDATE the given fields of each initiative, one prepared statement for all of them (psycopg
    pipelines it). Django's bulk_update builds a CASE expression per field and row, which took most
    of an import's time (a minute per 3,000 rows)."""
    if not initiatives:
        return
    fields = [Initiative._meta.get_field(name) for name in fields]
    connection = transaction.get_connection()
    quote = connection.ops.quote_name
    sql = "UPDATE {} SET {} WHERE {} = %s".format(  # noqa: S608  (names from the model; values are parameters)
        quote(Initiative._meta.db_table),
        ", ".join(f"{quote(field.column)} = %s" for field in fields),
        quote(Initiative._meta.pk.column),
    )
    with connection.cursor() as cursor:
        cursor.executemany(
            sql,
            [
                [field.get_db_prep_save(getattr(i, field.attname), connection) for field in fields] + [i.pk]
                for i in initiatives
            ],
        )


def with_relations(queryset):
    """What a revision and the indexes read of each initiative, in a constant number of queries."""
    return queryset.select_related("family", "neighbourhood").prefetch_related(
        "sectors", "tags", "evaluations", "links"
    )


def save_revisions(initiatives, user, publish=False):
    """A revision of each initiative's current state, in bulk (Wagtail's save_revision writes one at a
    time and reloads the object); the initiatives' latest (and, with publish, live) revision follows.
    Returns the revisions in the order given."""
    content_type = ContentType.objects.get_for_model(Initiative)
    now = timezone.now()
    revisions = Revision.objects.bulk_create(
        [
            Revision(
                content_type=content_type,
                base_content_type=content_type,
                object_id=str(i.pk),
                user=user,
                created_at=now,
                content=i.serializable_data(),
                object_str=str(i),
            )
            for i in initiatives
        ],
        batch_size=BATCH,
    )
    fields = ["latest_revision"]
    for initiative, revision in zip(initiatives, revisions, strict=True):
        initiative.latest_revision = revision
        if publish:
            initiative.live_revision = revision
    update_rows(initiatives, [*fields, "live_revision"] if publish else fields)
    return revisions


def update_search_index(ids):
    """Index initiatives written in bulk, or placed after saving (bulk writes send no save signals,
    and the index holds each one's family, sectors, tags and neighbourhood names). Returns them."""
    objects = list(with_relations(Initiative.objects.filter(pk__in=ids)))
    for backend in get_search_backends(with_auto_update=True):
        backend.add_bulk(Initiative, objects)
    return objects


def update_indexes(ids):
    """Bring the search and reference indexes in line for initiatives written in bulk: the reference
    index rows of all of them replaced with two queries (Wagtail writes them object by object, which
    was most of a long import's time). Returns the initiatives, loaded with their relations."""
    objects = update_search_index(ids)
    content_type = ContentType.objects.get_for_model(Initiative)
    ReferenceIndex.objects.filter(
        base_content_type=content_type, object_id__in=[str(i) for i in ids]
    ).delete()
    ReferenceIndex.objects.bulk_create(
        [
            ReferenceIndex(
                content_type=content_type,
                base_content_type=content_type,
                object_id=str(initiative.pk),
                to_content_type_id=to_content_type_id,
                to_object_id=to_object_id,
                model_path=model_path,
                content_path=content_path,
                content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
            )
            for initiative in objects
            for to_content_type_id, to_object_id, model_path, content_path in set(
                ReferenceIndex._extract_references_from_object(initiative)
            )
        ],
        batch_size=BATCH,
    )
    return objects

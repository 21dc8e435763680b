"""PostgreSQL text search configurations for the database backend (search/backends/database.py):
`catalan_unaccent` (accents off, then the Catalan Snowball stemmer) for documents and queries, and
`simple_unaccent` (accents off, no stemming) for autocomplete. Nothing to do on other databases."""

from django.db import migrations

CREATE = """
CREATE EXTENSION IF NOT EXISTS unaccent;
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'catalan_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION catalan_unaccent (COPY = catalan);
        ALTER TEXT SEARCH CONFIGURATION catalan_unaccent
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, catalan_stem;
    END IF;
    IF NOT EXISTS (SELECT 1 FROM pg_ts_config WHERE cfgname = 'simple_unaccent') THEN
        CREATE TEXT SEARCH CONFIGURATION simple_unaccent (COPY = simple);
        ALTER TEXT SEARCH CONFIGURATION simple_unaccent
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
    END IF;
END
$$;
"""
DROP = """
DROP TEXT SEARCH CONFIGURATION IF EXISTS catalan_unaccent;
DROP TEXT SEARCH CONFIGURATION IF EXISTS simple_unaccent;
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = []

    operations = [migrations.RunPython(on_postgresql(CREATE), on_postgresql(DROP))]

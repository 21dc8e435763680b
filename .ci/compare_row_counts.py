"""Restore drill check: print the row count of every table in two PostgreSQL databases side by side
and exit 1 when a table is missing from one or holds a different number of rows.

    python .ci/compare_row_counts.py postgres://postgres@127.0.0.1:5440/ess postgres://.../ess_restored
"""

import sys

import psycopg
from psycopg import sql


def row_counts(url):
    with psycopg.connect(url) as connection:
        tables = [
            name
            for (name,) in connection.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
        ]
        return {
            table: connection.execute(
                sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
            ).fetchone()[0]
            for table in tables
        }


def main(original_url, restored_url):
    original, restored = row_counts(original_url), row_counts(restored_url)
    differences = 0
    print(f"{'table':<55} {'original':>9} {'restored':>9}")
    for table in sorted(original.keys() | restored.keys()):
        before, after = original.get(table, "-"), restored.get(table, "-")
        mark = "" if before == after else "  <-- differs"
        differences += bool(mark)
        print(f"{table:<55} {before:>9} {after:>9}{mark}")
    total = sum(original.values())
    print(f"{len(original)} tables, {total} rows in the original; {differences} tables differ")
    if differences or not total:
        sys.exit(1)


if __name__ == "__main__":
    main(*sys.argv[1:3])

"""Search backends for Wagtail's `WAGTAILSEARCH_BACKENDS`, tuned for Catalan text and for speed.

`database` is the default (SQLite or PostgreSQL, chosen by the database in use); `elasticsearch`
serves when `ELASTICSEARCH_URL` is set. Both keep Wagtail's API, so the admin's searches use them too.
"""

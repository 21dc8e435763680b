"""Test runs: the same apps and database choice as dev (DATABASE_URL picks SQLite or PostgreSQL),
fast password hashing, and in-memory media so tests never write into the project."""

import os
import tempfile

from .base import *  # noqa: F403
from .base import DATABASES, env

DEBUG = False
SECRET_KEY = env.str("SECRET_KEY", default="test-only-insecure-key")
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Mail stays in memory (django.core.mail.outbox), whatever EMAIL_URL says: a test never sends one.
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # A file, not SQLite's shared in-memory database: the browser tests' live server answers the
    # admin's parallel requests on several connections, which one shared connection cannot serve.
    DATABASES["default"]["TEST"] = {
        "NAME": os.path.join(tempfile.gettempdir(), f"ess-test-{os.getpid()}.sqlite3")
    }

# Admin imports wait in a private folder of this test process, never the project's.
# (A task worker started by a test is given the folder in the environment.)
IMPORT_UPLOAD_DIR = os.environ.get("IMPORT_UPLOAD_DIR") or os.path.join(
    tempfile.gettempdir(), f"ess-test-imports-{os.getpid()}"
)

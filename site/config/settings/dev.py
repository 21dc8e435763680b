"""Local development: DEBUG on by default, an insecure key, the embedded SQLite database, e-mails
printed on the console (no mail server to refuse them: a moderation submission logged a
ConnectionRefusedError traceback when Django's default SMTP on localhost:25 was used)."""

from .base import *  # noqa: F403
from .base import env

DEBUG = env.bool("DEBUG", default=True)
SECRET_KEY = env.str("SECRET_KEY", default="dev-only-insecure-key-do-not-use-in-production")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
vars().update(env.email_url("EMAIL_URL", default="consolemail://"))

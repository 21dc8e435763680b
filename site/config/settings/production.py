"""Production: security values have no default (SECRET_KEY, ALLOWED_HOSTS and WAGTAILADMIN_BASE_URL
must be set, and EMAIL_URL, the mail server), HTTPS
everywhere, hashed static files served by whitenoise. Passes `manage.py check --deploy` with zero
warnings (tests/core/test_settings.py proves it)."""

from .base import *  # noqa: F403
from .base import env

DEBUG = False
SECRET_KEY = env.str("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS")
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL")
# A real mail server, said explicitly: no silent fallback to a local SMTP that refuses the mails.
vars().update(env.email_url("EMAIL_URL"))
# ".example.org" in ALLOWED_HOSTS means the domain and its subdomains; CSRF spells that "*.example.org".
CSRF_TRUSTED_ORIGINS = [
    f"https://*{host}" if host.startswith(".") else f"https://{host}" for host in ALLOWED_HOSTS if host != "*"
]

STORAGES = {**STORAGES, "staticfiles": {"BACKEND": "core.storage.ManifestStaticFilesStorage"}}  # noqa: F405
WHITENOISE_USE_FINDERS = False
WHITENOISE_AUTOREFRESH = False

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
# Probes from the proxy or the supervisor speak plain HTTP on loopback.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

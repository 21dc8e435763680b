"""Settings shared by every environment.

Every value that differs between machines comes from ONE typed environment schema, declared here
(django-environ), so that `.env.example`, the README and the code cannot drift apart: a variable that
is not in `ENV_SCHEMA` is not read anywhere. `dev`, `test` and `production` only change defaults and
hardening; none of them reads a variable of its own.
"""

import re
import tempfile
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import environ
import xstatic.pkg.leaflet
import xstatic.pkg.leaflet_markercluster
from csp.constants import NONCE, NONE, SELF, UNSAFE_INLINE

SITE_DIR = Path(__file__).resolve().parents[2]  # site/
BASE_DIR = SITE_DIR.parent  # project root

# name: (type, default). SECRET_KEY, ALLOWED_HOSTS and WAGTAILADMIN_BASE_URL have no default here: dev
# and test give their own, production none, so a production server without them refuses to start.
ENV_SCHEMA = {
    "DEBUG": (bool, False),
    "SECRET_KEY": (str, environ.Env.NOTSET),
    "ALLOWED_HOSTS": (list, environ.Env.NOTSET),
    "DATABASE_URL": (str, f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
    "REDIS_URL": (str, ""),
    "ELASTICSEARCH_URL": (str, ""),
    "ELASTICSEARCH_INDEX_PREFIX": (str, "ess_"),
    "ELASTICSEARCH_ENGINE": (str, "elasticsearch9"),
    "WAGTAILADMIN_BASE_URL": (str, environ.Env.NOTSET),
    # How mail leaves (django-environ's email_url): dev defaults to the console, test to memory,
    # production has no default (smtp://user:password@host:587/?tls=True, or consolemail:// on purpose).
    "EMAIL_URL": (str, environ.Env.NOTSET),
    "DEFAULT_FROM_EMAIL": (str, "ESS Barcelona <noreply@localhost>"),
    "TILES_URL": (str, "https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
    "TILES_ATTRIBUTION": (
        str,
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    ),
    "DEMO_PASSWORD": (str, "ess-demo-2026"),
    "ESS_BOUNDARIES_DIR": (str, str(BASE_DIR / "data" / "boundaries")),
    "EMBED_FRAME_ANCESTORS": (str, "*"),
    "EXPORT_CACHE_DIR": (str, str(Path(tempfile.gettempdir()) / "ess-exports")),
    "TRUSTED_PROXY_COUNT": (int, 0),
    "ENV_FILE": (str, str(BASE_DIR / ".env")),
    "BACKUP_DIR": (str, str(BASE_DIR / "backups")),
    "IMPORT_UPLOAD_DIR": (str, str(BASE_DIR / "private" / "imports")),
    "IMPORT_MAX_ROWS": (int, 200_000),
}
env = environ.Env(**ENV_SCHEMA)
# A developer's own env file (never committed) fills in what the shell did not set; ENV_FILE="" reads
# none (the settings tests do that, so a developer's .env cannot change what they check).
if env("ENV_FILE"):
    environ.Env.read_env(env("ENV_FILE"), overwrite=False)

DEBUG = env("DEBUG")

INSTALLED_APPS = [
    # Project apps first so their templates and translations win over Wagtail's.
    "core",
    "directori",
    "sectors",
    "intercoop",  # after sectors: it reads which table a member works on
    "mapa",  # after sectors: its seed and layers read the tables
    "search",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.simple_translation",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.embeds",
    "wagtail.images",
    "wagtail.search",
    "wagtail.locales",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "health_check",  # /healthz and /readyz (site/core/health.py)
    "dbbackup",  # make backup / make restore
    "ninja",  # its Swagger UI files, served locally
    "django_tasks",
    "django_tasks_db",  # the database queue of Django's tasks API (worker: manage.py db_worker)
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # `runserver` leaves static files to whitenoise (and so to GZipMiddleware) instead of serving them
    # itself, uncompressed: `make run` sends what production sends
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "axes",  # last: it reads the other apps' settings when it starts
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "core.csp.CSPMiddleware",
    "core.input_guard.ControlCharacterMiddleware",
    # Compresses what has no encoding yet: pages, and static files where whitenoise has no .gz/.br
    # beside them (served from the apps' folders outside production). CSRF tokens are masked per
    # response and Django pads the gzip header, as nginx's gzip already exposes pages in production.
    "django.middleware.gzip.GZipMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "core.input_guard.AdminFormDataMiddleware",
    "axes.middleware.AxesMiddleware",  # last, as django-axes requires
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [SITE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "sectors.crisis.crisis",
            ],
        },
    },
]

DATABASES = {"default": env.db("DATABASE_URL")}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # The admin's editor saves while its editing-session pings and the task worker write too. SQLite's
    # defaults (rollback journal, deferred transactions that upgrade to a write lock mid-request, 5 s
    # wait) answered those overlaps with 500 "database is locked". WAL lets readers run beside the one
    # writer; IMMEDIATE takes the write lock when a transaction starts, so a waiting request queues
    # (up to `timeout` seconds) instead of failing when its read turns into a write.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env("REDIS_URL")
if REDIS_URL:
    # Fail-open (site/core/cache.py): with Redis down the site answers without the cache, and short
    # socket timeouts keep a Redis that does not answer from holding requests for seconds.
    CACHES = {
        "default": {
            "BACKEND": "core.cache.FailOpenRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "ess",
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 2},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# django-axes first: it refuses a locked-out client before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",  # with ModelBackend's get_user: sessions may name the first backend
    "django.contrib.auth.backends.ModelBackend",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Catalan first. Public URLs carry the language prefix (/ca/, /es/, /en/).
LANGUAGE_CODE = "ca"
LANGUAGES = [("ca", "Català"), ("es", "Español"), ("en", "English")]
LOCALE_PATHS = [SITE_DIR / "locale"]
USE_I18N = True
# Our own date formats win over Django's per language ("1 de març de 2024", "1 March 2024")
FORMAT_MODULE_PATH = ["core.formats"]
USE_TZ = True
TIME_ZONE = "Europe/Madrid"
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# No automatic aliases: they would serve Catalan text as the Spanish and English pages. Editors
# translate a page with "Translate" in the admin.
WAGTAILSIMPLETRANSLATION_SYNC_PAGE_TREE = False

STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    SITE_DIR / "static",
    # Leaflet and its MarkerCluster plugin from installed xstatic packages: the map loads no CDN.
    ("vendor/leaflet", xstatic.pkg.leaflet.BASE_DIR),
    ("vendor/leaflet-markercluster", xstatic.pkg.leaflet_markercluster.BASE_DIR),
]
MEDIA_URL = "/media/"
MEDIA_ROOT = BASE_DIR / "media"
# The open-data downloads, written once per version of the data and served from disk
# (directori.exporting.cached_file): a cache, safe to delete at any time, never to back up.
EXPORT_CACHE_DIR = Path(env("EXPORT_CACHE_DIR"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # `make backup` writes database dumps and media archives here (django-dbbackup), keeping the
    # newest 10 of each; copy the folder off the machine (README, "Backups").
    "dbbackup": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": env("BACKUP_DIR")},
    },
}
# Outside production whitenoise serves straight from the apps' static folders (no collectstatic).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Wagtail
WAGTAIL_SITE_NAME = "ESS Barcelona"
# The sender of every e-mail (Wagtail's moderation notifications) and of error reports.
DEFAULT_FROM_EMAIL = SERVER_EMAIL = env("DEFAULT_FROM_EMAIL")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "geojson", "odt", "ods", "pdf", "pptx", "txt", "xlsx", "zip"]
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# No request leaves the site from the admin either: no Gravatar avatars, no release check.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False

# Search: the database backend (search/backends/database.py) unless ELASTICSEARCH_URL is set; then
# Elasticsearch or OpenSearch with Catalan analysis, and the database backend, kept up to date too,
# answers while the server is unreachable.
DATABASE_SEARCH_BACKEND = {"BACKEND": "search.backends.database"}
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL")
if ELASTICSEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.elasticsearch",
            "ENGINE": env("ELASTICSEARCH_ENGINE"),
            "URLS": [ELASTICSEARCH_URL],
            "INDEX_PREFIX": env("ELASTICSEARCH_INDEX_PREFIX"),
            "TIMEOUT": 5,
        },
        "database": DATABASE_SEARCH_BACKEND,
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH_BACKEND}

# Map basemap: any XYZ tile server; the map must still work when tiles fail to load.
TILES_URL = env("TILES_URL")
TILES_ATTRIBUTION = env("TILES_ATTRIBUTION")

DEMO_PASSWORD = env("DEMO_PASSWORD")

# Django's tasks API. Admin imports are queued in the database ("imports"); `manage.py db_worker
# --backend imports` runs them (`make run` starts one beside the web server). Wagtail's own tasks
# (search and reference index updates on save) stay on "default", run at once as before.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "imports": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
# Admin imports: uploads wait in this private folder (never under MEDIA_ROOT: not served) until
# imported, or for IMPORT_PENDING_SECONDS; files of more than IMPORT_MAX_ROWS rows are refused.
IMPORT_UPLOAD_DIR = env("IMPORT_UPLOAD_DIR")
IMPORT_MAX_ROWS = env("IMPORT_MAX_ROWS")
IMPORT_PENDING_SECONDS = 3600
# A running import step writes a heartbeat this often; one silent for six beats (a minute) was
# interrupted (its worker killed) and is recorded as failed when the import pages are next read.
IMPORT_HEARTBEAT_SECONDS = 10

# Where `load_boundaries` reads district/neighbourhood files when given none: by default the Open Data
# BCN copy the project ships in data/ (data/README.md), so a clone runs and tests offline; empty:
# download the official files (to update the copy).
ESS_BOUNDARIES_DIR = env("ESS_BOUNDARIES_DIR")

# Only embeds may be framed by other sites (district offices' pages); they opt out explicitly.
X_FRAME_OPTIONS = "DENY"
# Who may frame the map embeds: a CSP frame-ancestors source list, e.g. "https://*.barcelona.cat".
# The default "*" is deliberate: embeds are public maps meant for any site (district offices, ESS
# entities, neighbourhood associations); they hold no session or action to hijack.
EMBED_FRAME_ANCESTORS = env("EMBED_FRAME_ANCESTORS")
SECURE_CONTENT_TYPE_NOSNIFF = True

# Per-client limits (proposals, logins) key on core.client_ip.client_ip: with N reverse proxies in
# front of the site, the Nth address from the right of X-Forwarded-For; 0 (no proxy): REMOTE_ADDR.
TRUSTED_PROXY_COUNT = env("TRUSTED_PROXY_COUNT")
# Login throttling: 5 wrong passwords from one address lock it out of the login for 15 minutes (the
# right password included); a success resets the count. `manage.py axes_reset_ip <address>` unlocks
# earlier (for IPv6 the first address of its /64: client_ip counts a /64 as one client).
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.client_ip.client_ip"
AXES_LOCKOUT_CALLABLE = "core.views.login_locked_out"
# Uploads: images over 40 megapixels are refused before decoding (an 11000 x 11000 PNG of 353 KB costs
# 1.5 GB of memory to decode), image files over 10 MB too; a request body that is not a file may hold
# 2.5 MB (Django's default); uploaded files above 2.5 MB are streamed to a temporary file, not memory.
# The proxy's body size limit (client_max_body_size) caps everything else.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.forms.ImageForm"  # a corrupt image is a form error, not a 500
WAGTAILADMIN_USER_LOGIN_FORM = "core.forms.LoginForm"  # the password's label in the admin's language
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
SECURE_REFERRER_POLICY = "same-origin"

# Content-Security-Policy (django-csp) on every response. Scripts only from our own files, or inline
# with the request's nonce (`{{ request.csp_nonce }}`: the folium map's script); no inline event
# handlers. Styles from our files; `style` attributes stay allowed (pages set a table's colour and a
# progress bar's width with them), `<style>` elements do not. Images from us, `data:` (Leaflet's blank
# tile, the API docs' icons) and the basemap's tile server. Frames: ours, and the outside media a
# visitor asks to show (sector pages' embed blocks: any https provider wagtail.embeds knows). No page
# may be framed except the map embeds (mapa.views.embed replaces frame-ancestors with
# EMBED_FRAME_ANCESTORS). The admin, and only it, gets ADMIN_CONTENT_SECURITY_POLICY on top
# (core/csp.py says why).
_tiles = urlsplit(TILES_URL)
TILES_ORIGIN = f"{_tiles.scheme}://{re.sub(r'{[^}]*}', '*', _tiles.netloc)}" if _tiles.netloc else SELF
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "style-src-attr": [UNSAFE_INLINE],
        "img-src": [SELF, "data:", TILES_ORIGIN],
        "frame-src": [SELF, "https:"],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "script-src": [SELF, UNSAFE_INLINE],
    "img-src": [*CONTENT_SECURITY_POLICY["DIRECTIVES"]["img-src"], "blob:"],
    "frame-ancestors": [SELF],
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

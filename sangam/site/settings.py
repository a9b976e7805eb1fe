"""Settings from the environment (12-factor).

SANGAM_ENV=production switches on the deployment hardening; everything that
differs between machines comes from environment variables, never from edits.
"""

import os
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

# settings live in sangam/site/; the package root holds templates, static, locale.
BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("SANGAM_VAR_DIR", BASE_DIR.parent / "var"))

ENV = os.environ.get("SANGAM_ENV", "development")
PRODUCTION = ENV == "production"


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


# Django's debug page shows every setting and environment variable (the
# database URL among them): only a developer who asks for it gets it.
DEBUG = env_bool("SANGAM_DEBUG", False)

if PRODUCTION:
    SECRET_KEY = os.environ["SANGAM_SECRET_KEY"]  # no default: refuse to start without one
else:
    SECRET_KEY = os.environ.get(
        "SANGAM_SECRET_KEY", "development-only-key-not-secret-0123456789-abcdefghijklmnop"
    )

ALLOWED_HOSTS = [
    h.strip()
    for h in os.environ.get(
        "SANGAM_ALLOWED_HOSTS", "" if PRODUCTION else "127.0.0.1,localhost,testserver"
    ).split(",")
    if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("SANGAM_CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

# Shown as a banner on every page: demo and test data are synthetic and must look it.
DEMO_MODE = env_bool("SANGAM_DEMO", not PRODUCTION)

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "django_tasks_db",
    "sangam.core",
    "sangam.accounts",
    "sangam.geography",
    "sangam.agencies",
    "sangam.directory",
    "sangam.referrals",
    "sangam.cases",
    "sangam.matching",
    "sangam.prevention",
    "sangam.compensation",
    "sangam.justice",
    "sangam.audit",
    "sangam.jobs",
    "sangam.demo",
]

MIDDLEWARE = [
    # First, so that it times everything the others do.
    "sangam.site.metrics.RequestMetrics",
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "sangam.site.middleware.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Pages compressed for 2G (static files come pre-compressed from
    # WhiteNoise). Django's gzip adds random padding against BREACH, and CSRF
    # tokens are masked per response.
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "sangam.accounts.middleware.SessionActivityMiddleware",
    "sangam.accounts.middleware.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "sangam.audit.middleware.AuditContextMiddleware",
    # Last, so that its process_exception sees a view's errors first.
    "sangam.site.middleware.BadInputMiddleware",
]

ROOT_URLCONF = "sangam.site.urls"
WSGI_APPLICATION = "sangam.site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "sangam.site.context_processors.sangam",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{VAR_DIR / 'sangam.sqlite3'}"),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Every process (web worker, dev server, task worker, scheduler) shares a
    # bounded pool: a request borrows a connection and gives it back when it
    # ends, a request beyond the bound waits up to the timeout. Persistent
    # per-thread connections (CONN_MAX_AGE) left the dev server, which starts
    # a thread per request, holding 99 idle connections of the server's 100.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": int(os.environ.get("SANGAM_DB_POOL_SIZE", "4")),
        "timeout": int(os.environ.get("SANGAM_DB_POOL_TIMEOUT", "10")),
    }
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets the web server and the task worker use the file at the same time.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = ["sangam.accounts.backends.SangamBackend"]

PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
if env_bool("SANGAM_FAST_HASHER", False):
    # Tests only: Argon2 is slow on purpose.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

# Failed logins (password or second factor), see accounts/throttle.py: after
# LOGIN_FAILURE_LIMIT from one address an account is locked there for
# LOGIN_LOCKOUT_MINUTES, doubling with each further failure (up to a day);
# after LOGIN_ACCOUNT_FAILURE_LIMIT from anywhere, for one minute, doubling
# up to LOGIN_LOCKOUT_MINUTES.
LOGIN_FAILURE_LIMIT = int(os.environ.get("SANGAM_LOGIN_FAILURE_LIMIT", "5"))
LOGIN_ACCOUNT_FAILURE_LIMIT = int(os.environ.get("SANGAM_LOGIN_ACCOUNT_FAILURE_LIMIT", "20"))
LOGIN_LOCKOUT_MINUTES = int(os.environ.get("SANGAM_LOGIN_LOCKOUT_MINUTES", "15"))

# Idle timeout: the session expires this long after the last request
# (SessionActivityMiddleware records activity once a minute).
SESSION_COOKIE_AGE = int(os.environ.get("SANGAM_IDLE_TIMEOUT_SECONDS", str(15 * 60)))
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

LANGUAGE_CODE = "en"
# Each needs a catalogue in sangam/locale and its own-script name in
# core/vocabulary.py AUTONYMS (docs/development/languages.md).
LANGUAGES = [
    ("en", _("English")),
    ("hi", _("Hindi")),
    ("bn", _("Bengali")),
    ("or", _("Odia")),
    ("as", _("Assamese")),
    ("mr", _("Marathi")),
    ("ta", _("Tamil")),
    ("te", _("Telugu")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Numbers in the Indian grouping (1,23,45,678) in every language, and the
# date formats Django lacks for Assamese and Odia: sangam/formats/<code>/.
FORMAT_MODULE_PATH = ["sangam.formats"]
USE_THOUSAND_SEPARATOR = True
TIME_ZONE = "Asia/Kolkata"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
# sangam/static holds the site's own CSS/JS and vendored Leaflet and outlines.
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("SANGAM_STATIC_ROOT", VAR_DIR / "static"))
STORAGES = {
    "default": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": VAR_DIR / "uploads"},
    },
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if PRODUCTION
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
}
WHITENOISE_USE_FINDERS = not PRODUCTION
# In production WhiteNoise serves each file under its hashed name (the
# manifest storage) with "max-age=10 years, immutable" and a pre-compressed
# .gz beside it: a repeat visit asks for no static file at all (the page
# budget, docs/development/page-budget.md).

# Largest CSV an import accepts through the web form (the CLI has no limit).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# The one upload limit: the import form refuses larger files and any larger
# request is answered 413 before its body is read (or stored).
SANGAM_MAX_IMPORT_BYTES = int(os.environ.get("SANGAM_MAX_IMPORT_BYTES", str(200 * 1024 * 1024)))
# The one text limit: no free-text field of any form or API body takes more.
SANGAM_MAX_TEXT_CHARS = int(os.environ.get("SANGAM_MAX_TEXT_CHARS", "20000"))

# Directory: an entry not verified for this many days is flagged as stale to
# the district administration; capacity older than this many hours is not
# "today's" figure.
SANGAM_DIRECTORY_STALE_DAYS = int(os.environ.get("SANGAM_DIRECTORY_STALE_DAYS", "182"))
SANGAM_CAPACITY_FRESH_HOURS = int(os.environ.get("SANGAM_CAPACITY_FRESH_HOURS", "36"))
# Referrals: working days (Mon–Fri) the receiver has to respond; how often the
# sender of an external referral is reminded to follow up.
SANGAM_REFERRAL_RESPONSE_DAYS = int(os.environ.get("SANGAM_REFERRAL_RESPONSE_DAYS", "2"))
SANGAM_REFERRAL_FOLLOW_UP_DAYS = int(os.environ.get("SANGAM_REFERRAL_FOLLOW_UP_DAYS", "7"))
# Prevention: days without contact past a missed check-in before an alert
# reaches the block, and the district AHTU ("7,14").
SANGAM_ESCALATE_AFTER_DAYS = tuple(
    int(days) for days in os.environ.get("SANGAM_ESCALATE_AFTER_DAYS", "7,14").split(",")
)
# Case management: how long follow-ups continue after reintegration.
SANGAM_POST_REINTEGRATION_MONTHS = int(os.environ.get("SANGAM_POST_REINTEGRATION_MONTHS", "24"))
# Uploads (intake audio, encrypted) live here and are never served directly.
MEDIA_ROOT = VAR_DIR / "media"
SANGAM_MAX_AUDIO_BYTES = int(os.environ.get("SANGAM_MAX_AUDIO_BYTES", str(50 * 1024 * 1024)))
SANGAM_BASE_URL = os.environ.get("SANGAM_BASE_URL", "http://127.0.0.1:8000")

# Outside production, e-mails (password-reset links among them) are written
# to files under var/mail/ readable by this account only, never to the log.
EMAIL_BACKEND = os.environ.get(
    "SANGAM_EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if PRODUCTION
    else "sangam.core.mail.PrivateFileBackend",
)
EMAIL_FILE_PATH = Path(os.environ.get("SANGAM_EMAIL_FILE_PATH", VAR_DIR / "mail"))
EMAIL_HOST = os.environ.get("SANGAM_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("SANGAM_EMAIL_PORT", "25"))
DEFAULT_FROM_EMAIL = os.environ.get("SANGAM_FROM_EMAIL", "Sangam <no-reply@sangam.invalid>")

# Background work: Django's tasks API. The database backend needs nothing but
# the database; set SANGAM_TASKS_BACKEND to another backend path to scale out.
TASKS = {
    "default": {
        "BACKEND": os.environ.get("SANGAM_TASKS_BACKEND", "django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SANGAM_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Monitors and the container's health check ask the server itself over
    # plain HTTP; the answer holds no personal data.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = 31536000
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Content Security Policy (Django's own): scripts, styles, images and data
# only from Sangam itself; no inline script or style, no frames, no plugins.
# htmx and the Leaflet maps are served from static/, map tiles are not used.
SECURE_CSP = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "connect-src": ["'self'"],
    "font-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
# Only the directory's "Use my location" asks the browser for anything.
SANGAM_PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(self), payment=(), usb=(), browsing-topics=()"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"scrub": {"()": "sangam.logging.ScrubPersonalData"}},
    "formatters": {"json": {"()": "sangam.logging.JsonFormatter"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["scrub"],
        }
    },
    "root": {"handlers": ["console"], "level": os.environ.get("SANGAM_LOG_LEVEL", "INFO")},
    "loggers": {
        # Django's request logger puts the request object on records; the JSON
        # formatter keeps only method, path and status from it.
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
        # WeasyPrint's font subsetting narrates every glyph at INFO.
        "fontTools": {"level": "WARNING"},
        "weasyprint": {"level": "WARNING"},
    },
}

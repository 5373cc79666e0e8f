"""The one settings module. Every deployment difference comes from environment variables.

The README's configuration table lists each variable with its default and meaning.
"""

import os
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlencode, urlsplit, urlunsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str) -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("Set SECRET_KEY (or DEBUG=1 for local development).")
    SECRET_KEY = "insecure-development-key-only-for-debug-mode"  # DEBUG only  # nosec B105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", "")
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
SITE_NAME = os.environ.get("SITE_NAME", "Pomysłowice")
CENTRE_NAME = os.environ.get(
    "CENTRE_NAME", "Ośrodek wsparcia organizacji pozarządowych w Mysłowicach"
)
CENTRE_CITY = os.environ.get("CENTRE_CITY", "Mysłowice")
CENTRE_ADDRESS = os.environ.get("CENTRE_ADDRESS", "ul. Grunwaldzka 12, 41-400 Mysłowice")
# The controller of personal data named in the information clauses and the privacy policy, the
# address for data protection matters, and the data protection officer's (empty: none appointed).
PRIVACY_CONTROLLER = os.environ.get("PRIVACY_CONTROLLER", f"{CENTRE_NAME}, {CENTRE_ADDRESS}")
PRIVACY_EMAIL = os.environ.get("PRIVACY_EMAIL", "prywatnosc@pomyslowice.pl")
PRIVACY_DPO_EMAIL = os.environ.get("PRIVACY_DPO_EMAIL", "")
# The accessibility statement (/deklaracja-dostepnosci/) in the structure the Act of 4 April 2019
# requires: each centre states its own dates, compliance status ("full", "partial" or "none")
# and contact.
ACCESSIBILITY_STATEMENT = {
    "published": os.environ.get("ACCESSIBILITY_PUBLISHED", "2026-11-27"),
    "updated": os.environ.get("ACCESSIBILITY_UPDATED", "2026-11-27"),
    "prepared": os.environ.get("ACCESSIBILITY_PREPARED", "2026-11-27"),
    "reviewed": os.environ.get("ACCESSIBILITY_REVIEWED", "2026-11-27"),
    "status": os.environ.get("ACCESSIBILITY_STATUS", "partial"),
    "contact_name": os.environ.get("ACCESSIBILITY_CONTACT_NAME", "Koordynator ośrodka"),
    "email": os.environ.get("ACCESSIBILITY_EMAIL", "dostepnosc@pomyslowice.pl"),
    "phone": os.environ.get("ACCESSIBILITY_PHONE", ""),
}

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    # Project apps come before allauth so that their templates override allauth's.
    "pomyslowice.core",
    "pomyslowice.search",
    "pomyslowice.accounts",
    "pomyslowice.privacy",
    "pomyslowice.organizations",
    "pomyslowice.centre",
    "pomyslowice.knowledge",
    "pomyslowice.events",
    "pomyslowice.volunteering",
    "pomyslowice.surveys",
    "pomyslowice.reports",
    "pomyslowice.api",
    "pomyslowice.demo",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "django_tasks",
    "django_tasks_db",
    "django_prose_editor",
    "ninja",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "pomyslowice.core.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "pomyslowice.api.middleware.ApiLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "pomyslowice.accounts.language.UserLanguageMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "pomyslowice.accounts.mfa.StaffMFAMiddleware",
]

ROOT_URLCONF = "pomyslowice.urls"
WSGI_APPLICATION = "pomyslowice.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pomyslowice.core.context_processors.site",
            ],
        },
    },
]


def parse_database_url(url: str) -> dict:
    # Health checks make a server drop a connection that died with a PostgreSQL restart and
    # reconnect, instead of failing the next request on it.
    return dj_database_url.parse(
        url,
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=env_bool("DB_CONN_HEALTH_CHECKS", True),
    )


def database_config() -> dict:
    url = os.environ.get("DATABASE_URL")
    if url:
        return parse_database_url(url)
    VAR_DIR.mkdir(parents=True, exist_ok=True)
    return {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": VAR_DIR / "pomyslowice.sqlite3",
        # A file, not shared memory, so concurrency tests see real locking and waiting.
        "TEST": {"NAME": VAR_DIR / "test-pomyslowice.sqlite3"},
        "OPTIONS": {
            # IMMEDIATE makes every transaction take the write lock up front, which serialises
            # writers and turns capacity checks into real critical sections.
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        },
    }


DATABASES = {"default": database_config()}
if os.environ.get("DATABASE_REPLICA_URL"):
    # A streaming replica of "default": tests read the primary through it, and the router sends
    # only anonymous reads of views marked @read_from_replica there.
    DATABASES["replica"] = {
        **parse_database_url(os.environ["DATABASE_REPLICA_URL"]),
        "TEST": {"MIRROR": "default"},
    }
    DATABASE_ROUTERS = ["pomyslowice.core.db_routing.ReplicaRouter"]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    # ASVS 2.1.1: at least 12 characters; the list of 20,000 common passwords comes with Django.
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "accounts:profile"

ACCOUNT_ADAPTER = "pomyslowice.accounts.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_FORMS = {
    "login": "pomyslowice.accounts.forms.LoginForm",
    "signup": "pomyslowice.accounts.forms.SignupForm",
}
ACCOUNT_SIGNUP_FORM_HONEYPOT_FIELD = "website"
# Lock-out: after 5 failed log-ins an account refuses every attempt for 15 minutes (per e-mail
# address; and 10 failures a minute per IP address). allauth's other limits stay as they are.
ACCOUNT_RATE_LIMITS = {"login_failed": "10/m/ip,5/15m/key"}
ACCOUNT_LOGOUT_ON_PASSWORD_CHANGE = False
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https") else "http"
# Two-step verification with an authenticator app (TOTP), and one-time recovery codes for a lost
# phone. Staff must enrol (pomyslowice.accounts.mfa); for everyone else it is optional.
MFA_ADAPTER = "pomyslowice.accounts.mfa.MFAAdapter"
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME
# One 30-second step either way absorbs a phone's clock drift; a used code cannot be replayed.
MFA_TOTP_TOLERANCE = 1
MFA_RECOVERY_CODE_COUNT = 10
STAFF_MFA_REQUIRED = env_bool("STAFF_MFA_REQUIRED", True)

LANGUAGE_CODE = "pl"
LANGUAGES = [("pl", "Polski"), ("en", "English"), ("uk", "Українська")]
# The project's catalogues come first, so its wording wins over Django's and allauth's.
LOCALE_PATHS = sorted((BASE_DIR / "pomyslowice").glob("*/locale"))
TIME_ZONE = "Europe/Warsaw"
USE_I18N = True
# Local corrections to Django's formats per language (pomyslowice/core/formats/<language>/).
FORMAT_MODULE_PATH = ["pomyslowice.core.formats"]
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
# Uploads that only a permission-checking view may hand out (article attachments): never
# below MEDIA_ROOT, which the web server serves to anyone.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("PRIVATE_MEDIA_ROOT", VAR_DIR / "private"))


def media_storage() -> dict:
    kind = os.environ.get("MEDIA_STORAGE", "local")
    if kind == "local":
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    if kind != "s3":
        raise ImproperlyConfigured(f"MEDIA_STORAGE must be 'local' or 's3', not {kind!r}.")
    if not os.environ.get("S3_BUCKET"):
        raise ImproperlyConfigured(
            "MEDIA_STORAGE=s3 needs S3_BUCKET (and usually S3_ENDPOINT_URL)."
        )
    # Public uploads only (logos, photos): plain URLs without signatures, so pages and the
    # browser cache stay stable; the bucket's own policy makes them readable. Private files
    # stay in PRIVATE_MEDIA_ROOT (docs/deploy.md).
    options = {
        "bucket_name": os.environ["S3_BUCKET"],
        "endpoint_url": os.environ.get("S3_ENDPOINT_URL") or None,
        "access_key": os.environ.get("S3_ACCESS_KEY_ID") or None,
        "secret_key": os.environ.get("S3_SECRET_ACCESS_KEY") or None,
        "region_name": os.environ.get("S3_REGION") or None,
        "custom_domain": os.environ.get("S3_CUSTOM_DOMAIN") or None,
        "default_acl": None,
        "querystring_auth": False,
        "file_overwrite": False,
    }
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


STORAGES = {
    "default": media_storage(),
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
IMAGE_MAX_BYTES = int(os.environ.get("IMAGE_MAX_BYTES", str(1024 * 1024)))
ATTACHMENT_MAX_BYTES = int(os.environ.get("ATTACHMENT_MAX_BYTES", str(10 * 1024 * 1024)))


def redis_database(url: str, offset: int) -> str:
    """The same Redis server as `url`, `offset` logical databases further on."""
    parts = urlsplit(url)
    query = dict(parse_qsl(parts.query))
    if parts.scheme == "unix":
        query["db"] = str(int(query.get("db", "0")) + offset)
        return f"unix://{parts.path}?{urlencode(query)}"
    number = int(parts.path.strip("/") or query.pop("db", "0"))
    return urlunsplit(parts._replace(path=f"/{number + offset}", query=urlencode(query)))


def cache_config() -> dict:
    redis_url = os.environ.get("REDIS_URL")
    if redis_url:
        # One cache for every app server: rate limits (allauth's, the contact form's) and used
        # authenticator codes count across all of them; sessions get a database of their own.
        backend = "django.core.cache.backends.redis.RedisCache"
        return {
            "default": {"BACKEND": backend, "LOCATION": redis_url},
            "sessions": {"BACKEND": backend, "LOCATION": redis_database(redis_url, 1)},
        }
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache"
            if not os.environ.get("CACHE_DIR")
            else "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", "pomyslowice"),
        }
    }


CACHES = cache_config()
if "sessions" in CACHES:
    SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    SESSION_CACHE_ALIAS = "sessions"
# Whole public pages kept for anonymous visitors (core.page_cache), at most this long. Only a cache
# every app process shares can be told of a change, so the process-local default keeps none.
CACHE_IS_SHARED = "LocMemCache" not in CACHES["default"]["BACKEND"]
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "300" if CACHE_IS_SHARED else "0"))
# How far a replica may lag: a page built this soon after a change reads the primary.
REPLICA_LAG_SECONDS = float(os.environ.get("REPLICA_LAG_SECONDS", "5"))


def email_config() -> dict:
    url = os.environ.get("EMAIL_URL", "console://" if DEBUG else "")
    if not url:
        raise ImproperlyConfigured("Set EMAIL_URL, e.g. smtp+tls://user:password@host:587.")
    scheme, _sep, rest = url.partition("://")
    backends = {
        "console": "django.core.mail.backends.console.EmailBackend",
        "locmem": "django.core.mail.backends.locmem.EmailBackend",
        "dummy": "django.core.mail.backends.dummy.EmailBackend",
        "smtp": "django.core.mail.backends.smtp.EmailBackend",
        "smtp+tls": "django.core.mail.backends.smtp.EmailBackend",
        "smtp+ssl": "django.core.mail.backends.smtp.EmailBackend",
        "file": "django.core.mail.backends.filebased.EmailBackend",
    }
    if scheme not in backends:
        raise ImproperlyConfigured(f"EMAIL_URL scheme {scheme!r} is not one of {sorted(backends)}.")
    config = {"EMAIL_BACKEND": backends[scheme]}
    if scheme.startswith("smtp"):
        parts = urlsplit(f"smtp://{rest}")
        config.update(
            EMAIL_HOST=parts.hostname or "localhost",
            EMAIL_PORT=parts.port or (465 if scheme == "smtp+ssl" else 587),
            EMAIL_HOST_USER=unquote(parts.username or ""),
            EMAIL_HOST_PASSWORD=unquote(parts.password or ""),
            EMAIL_USE_TLS=scheme == "smtp+tls",
            EMAIL_USE_SSL=scheme == "smtp+ssl",
        )
    if scheme == "file":
        # file:///var/mail/pomyslowice: one file per message in that directory.
        if not rest.startswith("/"):
            raise ImproperlyConfigured(
                "EMAIL_URL file:// needs an absolute path, e.g. file:///srv/mail."
            )
        config["EMAIL_FILE_PATH"] = unquote(urlsplit(url).path)
    return config


globals().update(email_config())
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "Pomysłowice <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL


def tasks_config() -> dict:
    """TASKS_BACKEND: "immediate" runs tasks in the process that enqueues them (dev, tests);
    "database" stores them for `manage.py db_worker` (production)."""
    backends = {
        "immediate": "django_tasks.backends.immediate.ImmediateBackend",
        "database": "django_tasks_db.DatabaseBackend",
    }
    name = os.environ.get("TASKS_BACKEND", "immediate")
    if name not in backends:
        raise ImproperlyConfigured(f"TASKS_BACKEND {name!r} is not one of {sorted(backends)}.")
    return {"default": {"BACKEND": backends[name]}}


TASKS = tasks_config()

# HTTPS=1 (the default outside DEBUG) turns on every transport-security setting at once.
HTTPS = env_bool("HTTPS", not DEBUG)
if env_bool("BEHIND_PROXY", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = HTTPS
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^ping$"]
SESSION_COOKIE_SECURE = HTTPS
STAFF_SESSION_SECONDS = int(os.environ.get("STAFF_SESSION_SECONDS", str(8 * 60 * 60)))
CSRF_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000")) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
}

NINJA_PAGINATION_CLASS = "pomyslowice.api.pagination.LimitOffsetPagination"
NINJA_PAGINATION_PER_PAGE = 20
NINJA_PAGINATION_MAX_LIMIT = 100

CONTACT_RATE_LIMIT = int(os.environ.get("CONTACT_RATE_LIMIT", "5"))
ORGANIZATIONS_PER_PAGE = 20

# Centre services (issue 4). Durations in days/hours; README lists the variables.
ROOM_BOOKING_MAX_DAYS_AHEAD = int(os.environ.get("ROOM_BOOKING_MAX_DAYS_AHEAD", "365"))
ROOM_BOOKING_CANCEL_HOURS = int(os.environ.get("ROOM_BOOKING_CANCEL_HOURS", "24"))
CONSULTING_MIN_NOTICE_HOURS = int(os.environ.get("CONSULTING_MIN_NOTICE_HOURS", "2"))
CONSULTING_MAX_DAYS_AHEAD = int(os.environ.get("CONSULTING_MAX_DAYS_AHEAD", "60"))
CONSULTING_CONFIRMATION_HOURS = int(os.environ.get("CONSULTING_CONFIRMATION_HOURS", "2"))
MAIL_PICKUP_REMINDER_DAYS = int(os.environ.get("MAIL_PICKUP_REMINDER_DAYS", "14"))

# Retention periods in days (issue 8); `python manage.py apply_retention` applies them daily.
RETENTION = {
    # guests' names and e-mails on event registrations, counted from the end of the event
    "guest_registrations": int(os.environ.get("RETENTION_GUEST_REGISTRATIONS_DAYS", "365")),
    # guest registrations whose e-mail address was never confirmed, counted from registering
    "unconfirmed_registrations": int(
        os.environ.get("RETENTION_UNCONFIRMED_REGISTRATIONS_DAYS", "30")
    ),
    # consultants' notes and follow-ups, counted from the appointment
    "consultation_notes": int(os.environ.get("RETENTION_CONSULTATION_NOTES_DAYS", "1095")),
    # contact details on cancelled or rejected room bookings and equipment reservations
    "cancelled_bookings": int(os.environ.get("RETENTION_CANCELLED_BOOKINGS_DAYS", "365")),
    # accounts nobody logged in to (staff accounts never expire)
    "inactive_accounts": int(os.environ.get("RETENTION_INACTIVE_ACCOUNTS_DAYS", "730")),
}
# Days before an inactive account's deletion when its owner is warned by e-mail.
RETENTION_WARNING_DAYS = sorted(
    {int(days) for days in env_list("RETENTION_WARNING_DAYS", "30,7")}, reverse=True
)

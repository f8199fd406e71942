"""Django settings for the gongkai platform.

Everything an office sets is read from the environment, so one code base serves a laptop demo
(embedded SQLite, Huey on SQLite, console e-mail) and a production cluster (PostgreSQL via
``DATABASE_URL``, Redis via ``REDIS_URL``, several app servers). See docs/deploy.md.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

BASE_DIR = Path(__file__).resolve().parent.parent
# Database, uploaded attachments, generated letters and the task queue live here, outside the
# package and outside any web root (attachments are served only through permission checks).
DATA_DIR = Path(os.environ.get("GONGKAI_DATA_DIR", Path.cwd() / "var")).resolve()
DATA_DIR.mkdir(parents=True, exist_ok=True)


def _flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    return default if value is None else value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = _flag("GONGKAI_DEBUG", False)
SECRET_KEY = os.environ.get("GONGKAI_SECRET_KEY") or "insecure-demo-key-set-GONGKAI_SECRET_KEY-in-production"
ALLOWED_HOSTS = [h for h in os.environ.get("GONGKAI_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "axes",
    "huey.contrib.djhuey",
    "gongkai.agencies",
    "gongkai.auditlog",
    "gongkai.holidays",
    "gongkai.applications",
    "gongkai.litigation",
    "gongkai.letters",
    "gongkai.portal",
]

MIDDLEWARE = [
    "gongkai.project.proxy.RealIPMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files straight from STATIC_ROOT, compressed, before any other work (WhiteNoise).
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "gongkai.auditlog.middleware.AuditContextMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into its lock-out page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "gongkai.project.urls"
WSGI_APPLICATION = "gongkai.project.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'gongkai.sqlite3'}",
        conn_max_age=int(os.environ.get("GONGKAI_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # WAL lets readers run beside the one writer; IMMEDIATE avoids "database is locked" on upgrade.
    DATABASES["default"]["OPTIONS"] = {
        # mmap: pages read without a system call each (halves the CPU of counting table 三 on
        # 1,000,000 cases, docs/performance.md).
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=5000; "
                        "PRAGMA mmap_size=1073741824;",
        "transaction_mode": "IMMEDIATE",
    }

elif DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Parameters bound by the server, so psycopg prepares a statement after it has run
    # `prepare_threshold` times on a connection: the case page's few small SELECTs and the audit
    # INSERT are then neither re-parsed nor re-planned (about a quarter more requests/s on 2
    # cores, docs/performance.md). Behind a transaction-pooling PgBouncer older than 1.21, set
    # GONGKAI_PG_PREPARE_THRESHOLD=none (docs/deploy.md).
    _threshold = os.environ.get("GONGKAI_PG_PREPARE_THRESHOLD", "5").strip().lower()
    DATABASES["default"]["OPTIONS"] = {
        "server_side_binding": True,
        "prepare_threshold": None if _threshold in ("", "none", "off") else int(_threshold),
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "agencies.User"
LOGIN_URL = "agencies:login"
LOGIN_REDIRECT_URL = "applications:dashboard"
LOGOUT_REDIRECT_URL = "portal:home"

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "gongkai.agencies.backends.ModelBackend",  # Django's, with a cheaper get_user
]

# Password rules: at least 10 characters, not common, not all digits, not like the user's names.
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "gongkai.agencies.passwords.CharacterClassValidator"},
]

# Lock-out after repeated failures (django-axes): 5 failures per user name and address lock
# the account for 30 minutes; an agency administrator can unlock it sooner in the admin.
AXES_FAILURE_LIMIT = int(os.environ.get("GONGKAI_LOGIN_FAILURES", "5"))
AXES_COOLOFF_TIME = 0.5  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "agencies/locked_out.html"
AXES_VERBOSE = False
# Lock-outs are per visitor address: only REMOTE_ADDR, which gongkai.project.proxy sets from
# nginx's X-Real-IP when behind the proxy. A client's own X-Forwarded-For must not pick its key.
AXES_IPWARE_META_PRECEDENCE_ORDER = ("REMOTE_ADDR",)

# On behind nginx (docs/deploy.md): X-Real-IP names the visitor (gongkai.project.proxy).
BEHIND_PROXY = _flag("GONGKAI_BEHIND_PROXY", False)

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600  # one working day
SESSION_COOKIE_SECURE = _flag("GONGKAI_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": {"BACKEND": "gongkai.project.rediscache.RedisCache", "LOCATION": REDIS_URL}}
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    # Shared by every worker process of one machine (the rate limit must see all of them).
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
                          "LOCATION": str(DATA_DIR / "cache")}}

# The task queue (Huey): on SQLite in a file beside the database by default, needing no
# extra server; on Redis when REDIS_URL is set (production, several workers).
HUEY = {
    "name": "gongkai",
    "immediate": _flag("GONGKAI_HUEY_IMMEDIATE", False),
    "utc": False,  # periodic tasks at office hours in TIME_ZONE (reminders at 08:00 Beijing time)
    "consumer": {"workers": 2, "worker_type": "thread"},
}
if REDIS_URL:
    HUEY.update({"huey_class": "huey.RedisHuey", "url": REDIS_URL})
else:
    HUEY.update({"huey_class": "huey.SqliteHuey", "filename": str(DATA_DIR / "tasks.sqlite3")})

EMAIL_BACKEND = os.environ.get("GONGKAI_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = os.environ.get("GONGKAI_EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("GONGKAI_EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("GONGKAI_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("GONGKAI_EMAIL_PASSWORD", "")
EMAIL_USE_TLS = _flag("GONGKAI_EMAIL_TLS", False)
DEFAULT_FROM_EMAIL = os.environ.get("GONGKAI_FROM_EMAIL", "gongkai@localhost")

# django-ratelimit on the public application form. Its check wants a shared cache; the file
# cache is shared by the processes of one machine, Redis by all machines.
RATELIMIT_VIEW = "gongkai.portal.views.rate_limited"
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
PUBLIC_FORM_RATE = os.environ.get("GONGKAI_PUBLIC_FORM_RATE", "10/h")

LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文"), ("en", "English")]
LOCALE_PATHS: list[str] = []  # each app keeps its own catalogue in <app>/locale
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATIC_ROOT.mkdir(exist_ok=True)  # WhiteNoise warns at every start when it is missing
# `gongkai serve` runs collectstatic; WhiteNoise serves the files, with gzip-compressed copies.
# Unhashed names: pages render the same whether or not collectstatic has run (tests, runserver).
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}
MEDIA_ROOT = DATA_DIR / "private"  # never served directly: see applications.views.attachment
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

# Attachments to an application (Art. 29 identity proof, descriptions of the information).
ATTACHMENT_MAX_BYTES = int(os.environ.get("GONGKAI_ATTACHMENT_MAX_BYTES", str(10 * 1024 * 1024)))
ATTACHMENT_MAX_FILES = 5

# 信息处理费: whether the time from fee notice to payment stops the answer clock is not settled
# by the measure (spec fees-2020 §4); default off, both dates shown.
FEE_STOPS_CLOCK = _flag("GONGKAI_FEE_STOPS_CLOCK", False)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR"}},
}

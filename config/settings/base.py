"""Settings shared by every environment.

dev.py, test.py and production.py only hold what differs. Everything that differs
between machines is read from the environment (see .env.example and README.md).
"""

import datetime
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

from config.env import client_ip_settings, env, env_bool, env_int, env_list

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = BASE_DIR / "var"

DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # Our apps first so that their templates and translations win.
    "home",
    "partners",
    "messaging",
    # wagtail-localize replaces wagtail.locales.
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    # Wagtail's users app with our account rules (partners.accounts): replaces "wagtail.users".
    "partners.users_config.TaskforceUsersConfig",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "recurrence",
    "django_tasks",
    "django_tasks_db",
    "django.contrib.auth",
    "axes",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Wagtail's admin uses humanize's naturaltime ("2 minutes ago"); installed, its catalogue
    # says it in the person's language ("hace 2 minutos").
    "django.contrib.humanize",
    "django.forms",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Compresses what anonymous readers get, last of all (BREACH: see its docstring).
    "config.middleware.AnonymousGZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.LocaleMiddleware",
    # 404 under the prefix of a language whose home page is not live (home/languages.py).
    "home.languages.LiveLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.middleware.ContentSecurityPolicyMiddleware",
    "config.middleware.MalformedAdminPostMiddleware",
    "messaging.middleware.SignOffRefusalMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into partners.signin.lockout_response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Form widgets render with the project's template settings, so widget templates kept under
# templates/ (home/widgets/translated_text.html, partners/widgets/...) are found; Django's
# default renderer only looks inside the apps. "django.forms" above provides Django's own.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

# --- Database -------------------------------------------------------------------------
# DATABASE_URL selects the engine: postgres://... in production and CI, a SQLite file under
# var/ by default (the embedded set-up that `make run` uses).
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", f"sqlite:///{VAR_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers wait for each other instead of failing with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "transaction_mode": "IMMEDIATE",
            "timeout": 20,
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        }
    )
    DATABASES["default"]["CONN_MAX_AGE"] = 0

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache ----------------------------------------------------------------------------
REDIS_URL = env("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "taskforce",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# --- Background work (django-tasks) ------------------------------------------------------
# Immediate by default; production sets TASKS_BACKEND=django_tasks_db.DatabaseBackend and
# runs `manage.py db_worker`.
TASKS = {"default": {"BACKEND": env("TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend")}}

# --- Email ----------------------------------------------------------------------------
EMAIL_BACKEND = env("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
# A neutral sender: nothing in a survivor's inbox should name trafficking.
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "Taskforce Commons <no-reply@localhost>")
SERVER_EMAIL = env("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# --- Authentication ---------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Partners sign in on a public-styled page in their own language (partners.views.PartnerLoginView,
# /en/accounts/login/); the Wagtail admin keeps its own login page at /admin/login/.
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "wagtailadmin_home"  # unused by our views, which go back to the directory
WAGTAILADMIN_USER_LOGIN_FORM = "partners.signin.AdminLoginForm"  # says why a sign-in is locked

# Sign-in resists guessing (django-axes, partners/signin.py): after LOGIN_FAILURE_LIMIT failures
# for one user name, or from one client address, both sign-in pages refuse that user name or
# client for LOGIN_LOCKOUT_MINUTES, even with the right password.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = datetime.timedelta(minutes=env_int("LOGIN_LOCKOUT_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]  # each on its own: a user name, a client
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "partners.signin.lockout_response"
AXES_VERBOSE = False
# The attempts live in the cache, shared by every web host when REDIS_URL is set (production).
# Without Redis each process would count on its own, so the database keeps them instead.
AXES_HANDLER = (
    "axes.handlers.cache.AxesCacheHandler" if REDIS_URL else "axes.handlers.database.AxesDatabaseHandler"
)
# The client's address: REMOTE_ADDR unless TRUSTED_PROXY_COUNT reverse proxies of ours stand in
# front (then X-Forwarded-For, read from the right so that a client cannot spoof it).
TRUSTED_PROXY_COUNT = env_int("TRUSTED_PROXY_COUNT", 0)
_client_ip = client_ip_settings(TRUSTED_PROXY_COUNT)
AXES_IPWARE_META_PRECEDENCE_ORDER = _client_ip["AXES_IPWARE_META_PRECEDENCE_ORDER"]
AXES_IPWARE_PROXY_COUNT = _client_ip["AXES_IPWARE_PROXY_COUNT"]
IPWARE_STRICT = _client_ip["IPWARE_STRICT"]

# --- Languages --------------------------------------------------------------------------
# LANGUAGES lists language codes; English and Spanish by default. Add any code Django knows
# (right-to-left ones such as "ar" included): see README, "Adding a language".
USE_I18N = True
USE_TZ = True
TIME_ZONE = env("TIME_ZONE", "America/New_York")


def _languages(codes):
    languages = []
    for code in codes:
        if code not in LANG_INFO:
            raise ImproperlyConfigured(f"LANGUAGES contains {code!r}, which Django does not know.")
        name = LANG_INFO[code]["name_local"]
        # Shown in the language switcher, where each name starts a line: "Español", not "español".
        languages.append((code, name[:1].upper() + name[1:]))
    return languages


LANGUAGES = _languages(env_list("LANGUAGES", ["en", "es"]))
LANGUAGE_CODE = env("LANGUAGE_CODE", LANGUAGES[0][0])
if LANGUAGE_CODE not in dict(LANGUAGES):
    raise ImproperlyConfigured("LANGUAGE_CODE must be one of LANGUAGES.")
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# Our corrections to Django's date formats (Spanish months in lower case: config/formats/es).
FORMAT_MODULE_PATH = ["config.formats"]

# --- Static and media files ---------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "var" / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(VAR_DIR / "media")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- Security headers (production tightens the transport settings) ---------------------------
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Public pages run no inline script and load nothing from another host. The admin gets the
# small relaxation Wagtail's editor needs (see config/middleware.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"],
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
ADMIN_URL_PREFIXES = ("/admin/", "/django-admin/")

# --- Wagtail ----------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Taskforce Commons"
WAGTAILADMIN_BASE_URL = env("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Files shown by a signed live page cannot be replaced behind its sign-off (messaging.pinned_files).
WAGTAILIMAGES_IMAGE_FORM_BASE = "messaging.pinned_files.PinnedImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "messaging.pinned_files.PinnedDocumentForm"
# --- Messaging: the sign-off invariant (DESIGN.md, section 4; messaging/gate.py) ---
WAGTAIL_WORKFLOW_REQUIRE_REAPPROVAL_ON_EDIT = True
WAGTAIL_WORKFLOW_CANCEL_ON_PUBLISH = True
# No autosave: each autosave during review would be a new revision (voiding every sign-off and
# asking every lead again). Editors save explicitly.
WAGTAIL_AUTOSAVE_INTERVAL = 0
# Publish a signed-off revision without checking the last signer's publish permission; the page
# itself refuses any revision that is not completely signed off.
WAGTAIL_FINISH_WORKFLOW_ACTION = "messaging.workflow.publish_on_finish"
# wagtail-localize would publish a new translation of a live page at once; translations are
# created as drafts and go through the same sign-off.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Remind agencies that have not answered a sign-off request after this many days.
SIGNOFF_REMINDER_AFTER_DAYS = env_int("SIGNOFF_REMINDER_AFTER_DAYS", 3)

# --- Site behaviour -----------------------------------------------------------------------
SEARCH_MAX_QUERY_LENGTH = 200
SEARCH_RESULTS_PER_PAGE = 10

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "WARNING")},
    "loggers": {
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}

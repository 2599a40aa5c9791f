import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "opsportal.internal").split(",")

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "tastypie",
    "incidents",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]

ROOT_URLCONF = "opsportal.urls"
WSGI_APPLICATION = "opsportal.wsgi.application"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("PGDATABASE", "opsportal"),
        "USER": os.environ.get("PGUSER", "opsportal"),
        "PASSWORD": os.environ.get("PGPASSWORD", ""),
        "HOST": os.environ.get("PGHOST", "db"),
        "CONN_MAX_AGE": 60,
    }
}

# Each customer tenant has its own log-search cluster; only these are allowed.
SEARCH_CLUSTERS = {
    "acme": os.environ.get("ES_ACME_URL", "https://es-acme.internal:9200"),
    "globex": os.environ.get("ES_GLOBEX_URL", "https://es-globex.internal:9200"),
    "initech": os.environ.get("ES_INITECH_URL", "https://es-initech.internal:9200"),
}
SEARCH_API_KEY = os.environ.get("ES_API_KEY", "")
REDIS_URL = os.environ.get("REDIS_URL", "redis://redis:6379/2")

TASTYPIE_DEFAULT_FORMATS = ["json"]
USE_TZ = True

"""Settings for the shop GraphQL API (served by gunicorn shop.wsgi)."""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = os.environ.get("DJANGO_DEBUG", "0") == "1"
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "api.shop.example.com").split(",")

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.staticfiles",
    "graphene_django",
    "catalog",
    "reviews",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]

ROOT_URLCONF = "shop.urls"
WSGI_APPLICATION = "shop.wsgi.application"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("PGDATABASE", "shop"),
        "USER": os.environ.get("PGUSER", "shop"),
        "PASSWORD": os.environ.get("PGPASSWORD", ""),
        "HOST": os.environ.get("PGHOST", "localhost"),
        "CONN_MAX_AGE": 60,
    }
}

GRAPHENE = {"SCHEMA": "catalog.schema.schema"}

MONGO_URI = os.environ.get("MONGO_URI", "mongodb://mongo.shop.internal:27017/?replicaSet=rs0")
MONGO_DB = os.environ.get("MONGO_DB", "shop")

QDRANT_URL = os.environ.get("QDRANT_URL", "http://qdrant.shop.internal:6333")
QDRANT_API_KEY = os.environ.get("QDRANT_API_KEY")

STATIC_URL = "static/"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
USE_TZ = True

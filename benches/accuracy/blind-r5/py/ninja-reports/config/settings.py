import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only")
DEBUG = os.environ.get("DEBUG") == "1"
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "reports",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
ROOT_URLCONF = "config.urls"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("PGDATABASE", "reports"),
        "USER": os.environ.get("PGUSER", "reports"),
        "HOST": os.environ.get("PGHOST", "localhost"),
        "CONN_MAX_AGE": 60,
    }
}

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
AWS_REGION = os.environ.get("AWS_REGION", "eu-west-1")
REPORTS_BUCKET = os.environ.get("REPORTS_BUCKET", "acme-reports")
BILLING_DOMAIN = os.environ.get("BILLING_DOMAIN", "billing.example.com")

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
SECRET_KEY = os.environ["DJANGO_SECRET_KEY"]
DEBUG = False
ALLOWED_HOSTS = os.environ.get("ALLOWED_HOSTS", "reports.example.com").split(",")

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django_q",
    "reports",
]

ROOT_URLCONF = "reportsite.urls"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("PGDATABASE", "reports"),
        "HOST": os.environ.get("PGHOST", "localhost"),
        "USER": os.environ.get("PGUSER", "reports"),
        "PASSWORD": os.environ.get("PGPASSWORD", ""),
        "CONN_MAX_AGE": 300,
        "CONN_HEALTH_CHECKS": True,
    }
}

Q_CLUSTER = {
    "name": "reports",
    "workers": 4,
    "timeout": 600,
    "retry": 900,
    "orm": "default",
}

REPORTS_BUCKET = os.environ.get("REPORTS_BUCKET", "tenant-reports")
# tenant slug -> Elasticsearch endpoint (each tenant has a dedicated cluster)
TENANT_SEARCH_URLS = {
    "acme": os.environ.get("ES_ACME", "https://acme-es.internal:9200"),
    "globex": os.environ.get("ES_GLOBEX", "https://globex-es.internal:9200"),
}

import os

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "dev-only")
DEBUG = False
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "shop.apps.ShopConfig",
]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": os.environ.get("PG_DB", "shop"),
        "HOST": os.environ.get("PG_HOST", "localhost"),
        "USER": os.environ.get("PG_USER", "shop"),
        "PASSWORD": os.environ.get("PG_PASSWORD", ""),
        "CONN_MAX_AGE": 60,
    }
}
AWS_REGION = os.environ.get("AWS_REGION", "eu-west-1")
THUMBNAIL_BUCKET = os.environ.get("THUMBNAIL_BUCKET", "shop-thumbs")
REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/1")
USE_TZ = True

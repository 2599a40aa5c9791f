"""Superset configuration for the analytics cluster (mounted at /app/pythonpath)."""
import os

from acme_superset.query_audit import tag_query
from acme_superset.security import AcmeSecurityManager

SECRET_KEY = os.environ["SUPERSET_SECRET_KEY"]
SQLALCHEMY_DATABASE_URI = os.environ["SUPERSET_METADATA_DB"]

REDIS_URL = os.environ.get("SUPERSET_REDIS_URL", "redis://redis:6379")
CACHE_CONFIG = {
    "CACHE_TYPE": "RedisCache",
    "CACHE_DEFAULT_TIMEOUT": 300,
    "CACHE_KEY_PREFIX": "superset_",
    "CACHE_REDIS_URL": f"{REDIS_URL}/1",
}
DATA_CACHE_CONFIG = {**CACHE_CONFIG, "CACHE_KEY_PREFIX": "superset_data_"}

CUSTOM_SECURITY_MANAGER = AcmeSecurityManager
AUTH_TYPE = 1  # AUTH_DB

# Called by Superset for every query it sends to an analytics database.
SQL_QUERY_MUTATOR = tag_query
MUTATE_AFTER_SPLIT = False

FEATURE_FLAGS = {
    "ALERT_REPORTS": True,
    "DASHBOARD_RBAC": True,
}

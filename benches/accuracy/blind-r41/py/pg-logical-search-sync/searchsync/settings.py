import os

SOURCE_DSN = os.environ.get("SOURCE_DSN", "host=pg-primary dbname=shop user=replicator")
SLOT_NAME = os.environ.get("SLOT_NAME", "search_sync")
ES_URL = os.environ.get("ES_URL", "http://search:9200")
ES_API_KEY = os.environ.get("ES_API_KEY")
REDIS_URL = os.environ.get("REDIS_URL", "redis://cache:6379/0")
AUDIT_URL = os.environ.get("AUDIT_URL", "postgresql+psycopg2://sync:sync@audit-db:5432/audit")
TRACKED_TABLES = {"products", "variants", "brands"}

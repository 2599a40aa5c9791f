import json
import os

# {"acme": "mongodb://acme-db:27017/acme", "globex": "mongodb://globex-db:27017/globex"}
TENANT_URIS: dict[str, str] = json.loads(os.environ.get("TENANT_MONGO_URIS", "{}"))

REPORT_BUCKET = os.environ.get("REPORT_BUCKET", "monthly-reports")
SLACK_WEBHOOK = os.environ.get("SLACK_WEBHOOK_URL", "")
REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/2")

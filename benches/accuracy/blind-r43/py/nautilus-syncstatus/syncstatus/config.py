import os

SYNC_ROOT = os.path.expanduser(os.environ.get("SYNCSTATUS_ROOT", "~/TeamSync"))
API_URL = os.environ.get("SYNCSTATUS_API_URL", "https://sync.corp.example/api")
API_TOKEN = os.environ.get("SYNCSTATUS_TOKEN", "")
BUCKET = os.environ.get("SYNCSTATUS_BUCKET", "corp-teamsync")
REGION = os.environ.get("SYNCSTATUS_REGION", "eu-central-1")
REDIS_URL = os.environ.get("SYNCSTATUS_REDIS_URL", "redis://127.0.0.1:6379/3")

import os

DB_URI = os.environ.get("HELPDESK_DB_URI", "postgres://helpdesk:helpdesk@db.internal:5432/helpdesk")
DB_POOL_SIZE = int(os.environ.get("HELPDESK_DB_POOL_SIZE", "8"))
DB_FOLDER = os.path.join(os.path.dirname(__file__), "databases")
REDIS_HOST = os.environ.get("HELPDESK_REDIS_HOST", "redis.internal")
PAGER_URL = os.environ.get("PAGER_URL", "https://pager.internal/api/v2")
CHAT_WEBHOOK = os.environ.get("CHAT_WEBHOOK", "https://chat.internal/hooks/helpdesk")
SESSION_SECRET = os.environ.get("HELPDESK_SESSION_SECRET", "change-me")

import os

DATABASE_URL = os.environ.get(
    "QCTL_DATABASE_URL", "postgresql+psycopg2://qctl:qctl@db.lab.internal/netops"
)
REDIS_HOST = os.environ.get("QCTL_REDIS_HOST", "redis.lab.internal")
REDIS_PORT = int(os.environ.get("QCTL_REDIS_PORT", "6379"))
WEBHOOK_URL = os.environ.get("QCTL_WEBHOOK_URL", "https://chat.lab.internal/hooks/netops")
IDLE_TIMEOUT = int(os.environ.get("QCTL_IDLE_TIMEOUT", "300"))

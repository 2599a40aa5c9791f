import os

# PgBouncer in front of the readings database runs pool_mode = transaction.
PG_DSN = os.environ.get("PG_DSN", "postgresql://greenhouse:greenhouse@pgbouncer:6432/greenhouse")
REDIS_URL = os.environ.get("REDIS_URL", "redis://redis:6379/3")
FIRMWARE_INDEX = os.environ.get("FIRMWARE_INDEX", "https://firmware.internal/greenhouse/index.json")
BIND = (os.environ.get("COAP_HOST", "::"), int(os.environ.get("COAP_PORT", "5683")))

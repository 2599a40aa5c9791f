import os

DATABASE_URL = os.environ.get(
    "DATABASE_URL", "postgresql+psycopg2://linegate:linegate@db:5432/telemetry"
)
REDIS_URL = os.environ.get("REDIS_URL", "redis://cache:6379/0")
ALERT_WEBHOOK = os.environ.get("ALERT_WEBHOOK", "https://alerts.internal/hooks/telemetry")
PORT = int(os.environ.get("LINEGATE_PORT", "7020"))
THRESHOLDS = {"temp_c": 85.0, "vibration_mm_s": 11.2, "pressure_bar": 9.5}

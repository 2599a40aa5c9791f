import os

MYSQL_HOST = os.environ.get("FLOOR_DB_HOST", "mes-db.plant.local")
MYSQL_USER = os.environ.get("FLOOR_DB_USER", "kiosk")
MYSQL_PASSWORD = os.environ.get("FLOOR_DB_PASSWORD", "")
MYSQL_DB = "floor"
MYSQL_URL = f"mysql+pymysql://{MYSQL_USER}:{MYSQL_PASSWORD}@{MYSQL_HOST}/{MYSQL_DB}"

EXPORT_BUCKET = os.environ.get("EXPORT_BUCKET", "acme-plant-reports")
AWS_REGION = os.environ.get("AWS_REGION", "eu-central-1")
REFRESH_MS = 5000

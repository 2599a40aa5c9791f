import os

ORACLE_USER = os.environ.get("ORACLE_USER", "billing_app")
ORACLE_PASSWORD = os.environ["ORACLE_PASSWORD"]
ORACLE_DSN = os.environ.get("ORACLE_DSN", "erp-db.internal:1521/ERPPDB1")

MINIO_ENDPOINT = os.environ.get("MINIO_ENDPOINT", "minio.internal:9000")
MINIO_ACCESS_KEY = os.environ["MINIO_ACCESS_KEY"]
MINIO_SECRET_KEY = os.environ["MINIO_SECRET_KEY"]
FAILED_PAYLOAD_BUCKET = os.environ.get("FAILED_PAYLOAD_BUCKET", "invoice-export-failures")

SENTRY_DSN = os.environ.get("SENTRY_DSN", "")
PARTNER_API = os.environ.get("PARTNER_API", "https://edi.partner.example/api/v2")
POLL_SECONDS = float(os.environ.get("POLL_SECONDS", "2"))

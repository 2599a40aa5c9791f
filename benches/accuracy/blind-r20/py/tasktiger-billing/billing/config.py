import os

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")
DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql+psycopg2://billing@localhost/billing")
PSP_API = os.environ.get("PSP_API", "https://api.payments.example.com/v1")
PSP_KEY = os.environ.get("PSP_KEY", "")
INVOICE_BUCKET = os.environ.get("INVOICE_BUCKET", "acme-invoices")

import os

# Supabase transaction-mode pooler
SUPPORT_DSN = os.environ.get(
    "SUPPORT_DSN",
    "postgresql://postgres.abcdefghijkl:secret@aws-0-eu-central-1.pooler.supabase.com:6543/postgres",
)
ZENDESK_URL = os.environ.get("ZENDESK_URL", "https://acme.zendesk.com/api/v2")
ZENDESK_TOKEN = os.environ.get("ZENDESK_TOKEN", "")

#!/usr/bin/env python3
"""Bot configuration, read from the App Service environment."""

import os


class DefaultConfig:
    """Bot Configuration"""

    PORT = int(os.environ.get("PORT", "3978"))
    APP_ID = os.environ.get("MicrosoftAppId", "")
    APP_PASSWORD = os.environ.get("MicrosoftAppPassword", "")
    APP_TYPE = os.environ.get("MicrosoftAppType", "MultiTenant")
    APP_TENANTID = os.environ.get("MicrosoftAppTenantId", "")

    # Ticket database (Supabase, through the shared pooler).
    DATABASE_URL = os.environ.get(
        "DATABASE_URL",
        "postgresql://helpdesk.abcdefghijkl:secret@aws-0-eu-central-1.pooler.supabase.com:6543/postgres",
    )

    # Conversation transcripts.
    COSMOS_URL = os.environ.get("COSMOS_URL", "https://helpdesk-transcripts.documents.azure.com:443/")
    COSMOS_KEY = os.environ.get("COSMOS_KEY", "")
    COSMOS_DATABASE = "helpdesk"
    COSMOS_CONTAINER = "transcripts"

    # Ticketing system REST API (ServiceDesk).
    TICKETS_API = os.environ.get("TICKETS_API", "https://servicedesk.example.com")
    TICKETS_TOKEN = os.environ.get("TICKETS_TOKEN", "")

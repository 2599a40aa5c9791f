"""CRM sync plugin for pretix.

Organizer-level settings (set in the organizer's plugin settings page):

    crmsync_api_url    base URL of the organizer's CRM REST API
    crmsync_api_token  bearer token for that API
    crmsync_bucket     S3 bucket for nightly attendee snapshots (optional)
"""

__version__ = "1.3.0"

SETTING_URL = "crmsync_api_url"
SETTING_TOKEN = "crmsync_api_token"
SETTING_BUCKET = "crmsync_bucket"

# redis keys
DEDUP_KEY = "crmsync:sent:{code}:{state}"
DEDUP_TTL = 7 * 24 * 3600


def crm_config(organizer):
    """Return (api_url, token) for the organizer, or None if not configured."""
    url = organizer.settings.get(SETTING_URL)
    token = organizer.settings.get(SETTING_TOKEN)
    if not url or not token:
        return None
    return url.rstrip("/"), token


def snapshot_bucket(organizer):
    return organizer.settings.get(SETTING_BUCKET) or None

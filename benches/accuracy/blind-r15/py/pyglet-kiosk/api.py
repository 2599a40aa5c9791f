import os

import requests

FRONTDESK_URL = os.environ.get("FRONTDESK_URL", "http://frontdesk.clinic.local")
KIOSK_TOKEN = os.environ.get("KIOSK_TOKEN", "")


def make_session() -> requests.Session:
    s = requests.Session()
    s.headers.update({"Authorization": f"Bearer {KIOSK_TOKEN}", "X-Kiosk": os.uname().nodename})
    return s


# Weather/notice board feed, fetched rarely; one session for the whole kiosk run.
notices = requests.Session()

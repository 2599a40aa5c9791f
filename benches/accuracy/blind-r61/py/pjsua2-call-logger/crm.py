import os
import re

import httpx

CRM_URL = os.environ.get("CRM_URL", "https://crm.internal.example/api")
CRM_TOKEN = os.environ.get("CRM_TOKEN", "")


def caller_number(remote_uri: str) -> str:
    m = re.search(r"sip:\+?(\d+)@", remote_uri)
    return m.group(1) if m else remote_uri


def lookup_customer(remote_uri: str) -> dict | None:
    number = caller_number(remote_uri)
    with httpx.Client(base_url=CRM_URL, timeout=2.0,
                      headers={"Authorization": f"Bearer {CRM_TOKEN}"}) as client:
        resp = client.get("/customers/by-phone", params={"phone": number})
        if resp.status_code == 404:
            return None
        resp.raise_for_status()
        customer = resp.json()
        client.post("/screen-pop", json={"customer_id": customer["id"], "phone": number})
        return customer

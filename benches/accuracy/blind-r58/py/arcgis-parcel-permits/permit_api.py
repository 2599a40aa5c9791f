"""Thin client for the county permitting REST API."""

import os

import requests

PERMITS_URL = os.environ.get("PERMITS_API_URL", "https://permits.example-county.gov/api/v2")
TOKEN = os.environ.get("PERMITS_API_TOKEN", "")


def check_permit(permit_no):
    """Return the permit status string, None if unknown, or 'UNREACHABLE'."""
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {TOKEN}"
    session.headers["Accept"] = "application/json"
    try:
        resp = session.get(f"{PERMITS_URL}/permits/{permit_no}", timeout=4)
    except requests.RequestException:
        return "UNREACHABLE"
    if resp.status_code == 404:
        return None
    resp.raise_for_status()
    return resp.json().get("status", "UNKNOWN")


def permit_owner(permit_no):
    resp = requests.get(
        f"{PERMITS_URL}/permits/{permit_no}/applicant",
        headers={"Authorization": f"Bearer {TOKEN}"},
        timeout=10,
    )
    if resp.status_code != 200:
        return None
    return resp.json().get("name")

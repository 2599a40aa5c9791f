import requests

PERMITS_API = "https://permits.county.example/api/v2"


class PermitsClient:
    def __init__(self, token):
        self.session = requests.Session()
        self.session.headers.update({"Authorization": f"Token {token}"})

    def open_permits(self, parcel_ids):
        resp = self.session.post(
            f"{PERMITS_API}/permits/search",
            json={"parcel_ids": parcel_ids, "status": "open"},
            timeout=10,
        )
        resp.raise_for_status()
        return resp.json()["results"]

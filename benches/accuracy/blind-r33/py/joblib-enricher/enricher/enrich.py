"""Per-listing enrichment; joblib calls enrich_listing once per row."""
import requests

from enricher import config


def enrich_listing(row):
    listing_id, title, body, address = row
    http = requests.Session()
    http.headers["Authorization"] = f"Bearer {config.API_KEY}"

    geo = http.get(config.GEOCODER_URL, params={"q": address}, timeout=10)
    geo.raise_for_status()
    point = geo.json()["features"][0]["geometry"]["coordinates"]

    emb = http.post(config.EMBED_URL, json={"input": f"{title}\n\n{body}"}, timeout=30)
    emb.raise_for_status()

    return {
        "id": listing_id,
        "lon": point[0],
        "lat": point[1],
        "vector": emb.json()["data"][0]["embedding"],
    }

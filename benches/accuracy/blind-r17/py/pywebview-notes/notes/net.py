from functools import lru_cache

import httpx

RATES_API = "https://api.frankfurter.app"


@lru_cache(maxsize=1)
def rates_client() -> httpx.Client:
    return httpx.Client(base_url=RATES_API, timeout=5.0)


def fx_rate(base: str, quote: str) -> float:
    resp = rates_client().get("/latest", params={"from": base, "to": quote})
    resp.raise_for_status()
    return resp.json()["rates"][quote]

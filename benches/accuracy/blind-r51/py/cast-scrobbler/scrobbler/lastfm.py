import hashlib
import os

import requests
from requests.adapters import HTTPAdapter

API_ROOT = "https://ws.audioscrobbler.com/2.0/"


def make_session() -> requests.Session:
    """A Last.fm API session with our user agent and retries mounted."""
    s = requests.Session()
    s.headers["User-Agent"] = "cast-scrobbler/0.3 (+ops@example.org)"
    adapter = HTTPAdapter(max_retries=3)
    s.mount("https://", adapter)
    return s


def _sign(params: dict) -> str:
    raw = "".join(f"{k}{params[k]}" for k in sorted(params)) + os.environ["LASTFM_SECRET"]
    return hashlib.md5(raw.encode("utf-8")).hexdigest()


def scrobble(session: requests.Session, artist: str, track: str, album: str | None, started: int) -> None:
    params = {
        "method": "track.scrobble",
        "api_key": os.environ["LASTFM_API_KEY"],
        "sk": os.environ["LASTFM_SESSION_KEY"],
        "artist": artist,
        "track": track,
        "timestamp": str(started),
    }
    if album:
        params["album"] = album
    params["api_sig"] = _sign(params)
    params["format"] = "json"
    r = session.post(API_ROOT, data=params, timeout=10)
    r.raise_for_status()

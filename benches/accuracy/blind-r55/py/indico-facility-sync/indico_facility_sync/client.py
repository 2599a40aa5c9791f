"""Clients for the facility management system.

Indico runs under uWSGI with several worker processes. The objects below are
created lazily the first time a worker needs them and then reused for every
request/signal handled by that worker.
"""
import threading
from functools import lru_cache

import requests
from requests.adapters import HTTPAdapter
from sqlalchemy import create_engine, text

_session = None
_session_lock = threading.Lock()


def get_session() -> requests.Session:
    global _session
    if _session is None:
        with _session_lock:
            if _session is None:
                session = requests.Session()
                session.mount('https://', HTTPAdapter(pool_maxsize=4, max_retries=1))
                session.headers['User-Agent'] = 'indico-facility-sync/1.0'
                _session = session
    return _session


@lru_cache(maxsize=2)
def get_rooms_engine(db_url: str):
    # keyed by URL so that changing the setting in the admin UI picks up the new DB
    return create_engine(db_url, pool_size=2, max_overflow=0, pool_recycle=1800, pool_pre_ping=True)


def facility_room_code(db_url: str, indico_room_id: int):
    with get_rooms_engine(db_url).connect() as conn:
        return conn.execute(
            text('SELECT facility_code FROM room_map WHERE indico_room_id = :rid AND active = 1'),
            {'rid': indico_room_id},
        ).scalar()


def _headers(token: str) -> dict:
    return {'Authorization': f'Bearer {token}', 'Accept': 'application/json'}


def push_booking(api_url: str, token: str, payload: dict, booking_id: str | None = None) -> str:
    session = get_session()
    if booking_id:
        resp = session.put(f'{api_url}/bookings/{booking_id}', json=payload, headers=_headers(token), timeout=5)
    else:
        resp = session.post(f'{api_url}/bookings', json=payload, headers=_headers(token), timeout=5)
    resp.raise_for_status()
    return resp.json()['id']


def cancel_booking(api_url: str, token: str, booking_id: str) -> None:
    resp = get_session().delete(f'{api_url}/bookings/{booking_id}', headers=_headers(token), timeout=5)
    if resp.status_code not in (200, 204, 404):
        resp.raise_for_status()


def fetch_booking(api_url: str, token: str, booking_id: str) -> dict:
    resp = get_session().get(f'{api_url}/bookings/{booking_id}', headers=_headers(token), timeout=5)
    resp.raise_for_status()
    return resp.json()

"""Data fetched in the background and drawn by the kiosk window."""
from datetime import date, datetime

from sqlalchemy import text

from services import Services

VISITORS_SQL = text(
    """
    SELECT id, visitor_name, host_name, expected_at, checked_in_at
    FROM visits
    WHERE expected_at::date = :today
    ORDER BY expected_at
    """
)


def load_visitors(services: Services):
    with services.Session() as session:
        rows = session.execute(VISITORS_SQL, {"today": date.today()}).mappings().all()
    return [dict(r) for r in rows]


def load_rooms(services: Services):
    resp = services.http.get(f"{services.rooms_api}/rooms/availability", timeout=4)
    resp.raise_for_status()
    return [
        {"name": r["name"], "free": r["free"], "until": r.get("busy_until")}
        for r in resp.json()["rooms"]
    ]


def check_in(services: Services, visit_id: int):
    with services.Session.begin() as session:
        session.execute(
            text("UPDATE visits SET checked_in_at = :now WHERE id = :id AND checked_in_at IS NULL"),
            {"now": datetime.now(), "id": visit_id},
        )


def snapshot(services: Services):
    """Runs on the worker thread; returns everything the frame needs."""
    return {"visitors": load_visitors(services), "rooms": load_rooms(services)}

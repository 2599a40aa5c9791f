import os

import httpx
from nicegui import app, ui
from pymongo import DESCENDING, MongoClient
from sqlmodel import Session, SQLModel, select

from models import Acknowledgement, engine

STATUS_API = os.environ.get("STATUS_API", "http://status.internal:8000")
MONGO_URL = os.environ.get("MONGO_URL", "mongodb://localhost:27017")


def init_db() -> None:
    SQLModel.metadata.create_all(engine)


app.on_startup(init_db)


def acknowledge(alert_id: str, user: str) -> None:
    session = Session(engine)
    session.add(Acknowledgement(alert_id=alert_id, user=user))
    session.commit()
    ui.notify(f"Acknowledged {alert_id}")


@ui.page("/")
def index() -> None:
    client = httpx.Client(base_url=STATUS_API, timeout=5.0)
    services = client.get("/services").json()

    ui.label("Service status").classes("text-h5")
    with ui.row():
        for svc in services:
            ui.badge(svc["name"], color="green" if svc["healthy"] else "red")

    alerts_column = ui.column()

    def refresh_alerts() -> None:
        mongo = MongoClient(MONGO_URL, serverSelectionTimeoutMS=2000)
        open_alerts = list(mongo.ops.alerts.find({"state": "open"}).sort("raised_at", DESCENDING).limit(20))
        alerts_column.clear()
        with alerts_column:
            for alert in open_alerts:
                with ui.card():
                    ui.label(alert["title"])
                    ui.button("Ack", on_click=lambda e, aid=str(alert["_id"]): acknowledge(aid, "oncall"))

    refresh_alerts()
    ui.timer(15.0, refresh_alerts)


@ui.page("/acks")
def acks() -> None:
    with Session(engine) as session:
        rows = session.exec(select(Acknowledgement).order_by(Acknowledgement.at.desc()).limit(50)).all()
    ui.table(
        columns=[
            {"name": "alert", "label": "Alert", "field": "alert"},
            {"name": "user", "label": "User", "field": "user"},
            {"name": "at", "label": "At", "field": "at"},
        ],
        rows=[{"alert": r.alert_id, "user": r.user, "at": r.at.isoformat()} for r in rows],
    )


ui.run(title="Ops dashboard", port=int(os.environ.get("PORT", 8080)))

"""Dock board shown on the touch screen next to each loading door.

Run with:  python -m dockboard.app
"""
import csv
import getpass
import os
from datetime import date, datetime, timezone
from pathlib import Path

from guizero import App, Box, ListBox, PushButton, Text, TextBox, info, warn
from pymongo import MongoClient

from dockboard.store import Loading, SessionLocal, loadings_for

DOCK = os.environ.get("DOCK_ID", "D07")
MONGO_URL = os.environ.get("TMS_MONGO_URL", "mongodb://tms-mongo.dc1.local:27017")
EXPORT_DIR = Path(os.environ.get("EXPORT_DIR", "/srv/dockboard/exports"))
REFRESH_MS = 15_000

app = App(title=f"Dock {DOCK}", width=1024, height=600, layout="auto")
header = Text(app, text=f"Dock {DOCK} - expected trucks", size=22)
board = ListBox(app, items=[], width="fill", height=380, scrollbar=True)
status = Text(app, text="", size=10, color="grey")

controls = Box(app, layout="grid", width="fill")
Text(controls, text="Shipment", grid=[0, 0])
shipment_box = TextBox(controls, width=20, grid=[1, 0])
Text(controls, text="Pallets", grid=[2, 0])
pallets_box = TextBox(controls, width=5, grid=[3, 0])


def refresh_board():
    """Pull the next trucks for this dock from the TMS (every REFRESH_MS)."""
    tms = MongoClient(MONGO_URL, serverSelectionTimeoutMS=2000, appname="dockboard")
    trucks = (
        tms.tms.shipments.find(
            {"dock": DOCK, "status": {"$in": ["arriving", "at_gate", "docked"]}},
            {"ref": 1, "carrier": 1, "eta": 1, "status": 1},
        )
        .sort("eta", 1)
        .limit(25)
    )
    board.clear()
    for t in trucks:
        eta = t["eta"].strftime("%H:%M") if t.get("eta") else "--:--"
        board.append(f"{eta}  {t['ref']:<14} {t.get('carrier', ''):<18} {t['status']}")
    status.value = f"updated {datetime.now():%H:%M:%S}"


def mark_loaded():
    ref = shipment_box.value.strip()
    if not ref or not pallets_box.value.isdigit():
        warn("Missing data", "Enter a shipment reference and pallet count")
        return
    now = datetime.now(timezone.utc)
    with SessionLocal() as session, session.begin():
        session.add(Loading(
            dock=DOCK,
            shipment_ref=ref,
            pallets=int(pallets_box.value),
            loaded_on=now.date(),
            loaded_at=now,
            loaded_by=getpass.getuser(),
        ))
    shipment_box.clear()
    pallets_box.clear()
    status.value = f"{ref} marked loaded"


def export_today():
    session = SessionLocal()
    rows = loadings_for(session, DOCK, date.today())
    if not rows:
        info("Export", "Nothing loaded at this dock today")
        return
    EXPORT_DIR.mkdir(parents=True, exist_ok=True)
    target = EXPORT_DIR / f"{DOCK}-{date.today():%Y%m%d}.csv"
    with target.open("w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["shipment", "pallets", "loaded_at", "loaded_by"])
        for r in rows:
            writer.writerow([r.shipment_ref, r.pallets, r.loaded_at.isoformat(), r.loaded_by])
    session.close()
    info("Export", f"Wrote {len(rows)} rows to {target}")


PushButton(controls, text="Mark loaded", command=mark_loaded, grid=[4, 0])
PushButton(controls, text="Export today", command=export_today, grid=[5, 0])
PushButton(controls, text="Refresh now", command=refresh_board, grid=[6, 0])

refresh_board()
app.repeat(REFRESH_MS, refresh_board)

if __name__ == "__main__":
    app.display()

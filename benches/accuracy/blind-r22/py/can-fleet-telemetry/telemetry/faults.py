"""Decodes J1939 DM1 (active diagnostic trouble codes) frames."""
import logging
import os
from datetime import datetime, timezone

import can
import requests
from sqlalchemy import create_engine, select
from sqlalchemy.orm import Session

from telemetry.db import FaultCode

log = logging.getLogger("telemetry.faults")

DM1_PGN = 0xFECA
FLEET_API = os.environ.get("FLEET_API_URL", "https://fleet.example.com/api")

fault_engine = create_engine(
    os.environ.get(
        "TELEMETRY_DATABASE_URL", "postgresql+psycopg2://telemetry:telemetry@localhost/fleet"
    ),
    pool_pre_ping=True,
)


def decode_dm1(data: bytes) -> tuple[int, int, int] | None:
    if len(data) < 6:
        return None
    spn = data[2] | (data[3] << 8) | ((data[4] & 0xE0) << 11)
    fmi = data[4] & 0x1F
    occurrences = data[5] & 0x7F
    if spn == 0:
        return None
    return spn, fmi, occurrences


class FaultListener(can.Listener):
    def __init__(self, vehicle_id: str) -> None:
        self.vehicle_id = vehicle_id

    def on_message_received(self, msg: can.Message) -> None:
        if (msg.arbitration_id >> 8) & 0x3FFFF != DM1_PGN:
            return
        decoded = decode_dm1(bytes(msg.data))
        if decoded is None:
            return
        spn, fmi, occurrences = decoded

        session = Session(fault_engine)
        existing = session.scalars(
            select(FaultCode).where(
                FaultCode.vehicle_id == self.vehicle_id,
                FaultCode.spn == spn,
                FaultCode.fmi == fmi,
            )
        ).first()
        if existing is not None and existing.occurrences == occurrences:
            return
        session.add(
            FaultCode(
                vehicle_id=self.vehicle_id,
                spn=spn,
                fmi=fmi,
                occurrences=occurrences,
                seen_at=datetime.now(timezone.utc),
            )
        )
        session.commit()
        session.close()

        http = requests.Session()
        http.headers["X-Vehicle"] = self.vehicle_id
        try:
            http.post(
                f"{FLEET_API}/vehicles/{self.vehicle_id}/faults",
                json={"spn": spn, "fmi": fmi, "occurrences": occurrences},
                timeout=3,
            )
        except requests.RequestException:
            log.exception("could not forward fault %s/%s", spn, fmi)

    def on_error(self, exc: Exception) -> None:
        log.error("CAN listener error: %s", exc)

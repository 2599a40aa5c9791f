"""Polls the bench instruments over VISA every 10 s and stores the readings."""
import logging
import os
import time

import pyvisa
from sqlalchemy import text

from benchlib.db import make_engine

log = logging.getLogger("poller")

INSTRUMENTS = {
    "dmm-1": ("TCPIP0::10.0.5.21::INSTR", "MEAS:VOLT:DC?", "volt_dc"),
    "dmm-2": ("TCPIP0::10.0.5.22::INSTR", "MEAS:CURR:DC?", "curr_dc"),
    "psu-1": ("TCPIP0::10.0.5.30::INSTR", "MEAS:POW?", "power"),
}
INTERVAL = float(os.environ.get("POLL_INTERVAL", "10"))

INSERT = text(
    "INSERT INTO readings (instrument, quantity, value) VALUES (:instrument, :quantity, :value)"
)


def main():
    logging.basicConfig(level=logging.INFO)
    engine = make_engine()
    rm = pyvisa.ResourceManager("@py")
    sessions = {}
    for name, (address, _query, _qty) in INSTRUMENTS.items():
        inst = rm.open_resource(address)
        inst.timeout = 5000
        inst.read_termination = "\n"
        sessions[name] = inst

    try:
        while True:
            rows = []
            for name, (_address, query, quantity) in INSTRUMENTS.items():
                try:
                    value = float(sessions[name].query(query))
                except (pyvisa.errors.VisaIOError, ValueError) as exc:
                    log.warning("%s read failed: %s", name, exc)
                    continue
                rows.append({"instrument": name, "quantity": quantity, "value": value})
            if rows:
                with engine.begin() as conn:
                    conn.execute(INSERT, rows)
            time.sleep(INTERVAL)
    finally:
        for inst in sessions.values():
            inst.close()
        rm.close()
        engine.dispose()


if __name__ == "__main__":
    main()

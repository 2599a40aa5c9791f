"""Windows service that polls the plant historian (SQL Server) every 30 s and pushes new
meter readings to the energy API.

Install:  python meter_service.py --startup auto install
"""
import os
import time

import pyodbc
import requests
import servicemanager
import win32event
import win32service
import win32serviceutil

CONN_STR = os.environ.get(
    "METER_ODBC",
    "DRIVER={ODBC Driver 18 for SQL Server};SERVER=historian01;DATABASE=Plant;"
    "Trusted_Connection=yes;Encrypt=no",
)
API_URL = os.environ.get("METER_API_URL", "https://energy.internal/api/readings")
POLL_MS = 30_000


def connect_with_retry(stop_event, attempts=10):
    """Start-up only: keep trying until SQL Server accepts us, then hand the connection back."""
    delay = 2.0
    for attempt in range(1, attempts + 1):
        try:
            return pyodbc.connect(CONN_STR, timeout=5, autocommit=True)
        except pyodbc.Error as exc:
            servicemanager.LogWarningMsg(f"historian connect attempt {attempt} failed: {exc}")
            if win32event.WaitForSingleObject(stop_event, int(delay * 1000)) == win32event.WAIT_OBJECT_0:
                return None
            delay = min(delay * 2, 60.0)
    raise RuntimeError("historian unreachable")


def poll_once(conn, http, last_id):
    cursor = conn.cursor()
    try:
        cursor.execute(
            "SELECT TOP 500 id, meter_tag, reading_kwh, read_at FROM dbo.MeterReadings "
            "WHERE id > ? ORDER BY id",
            last_id,
        )
        rows = cursor.fetchall()
    finally:
        cursor.close()
    if not rows:
        return last_id
    payload = [
        {"id": r.id, "meter": r.meter_tag, "kwh": float(r.reading_kwh), "at": r.read_at.isoformat()}
        for r in rows
    ]
    http.post(API_URL, json={"readings": payload}, timeout=20).raise_for_status()
    return rows[-1].id


class MeterPollerService(win32serviceutil.ServiceFramework):
    _svc_name_ = "MeterPoller"
    _svc_display_name_ = "Plant Meter Poller"
    _svc_description_ = "Forwards historian meter readings to the energy API"

    def __init__(self, args):
        super().__init__(args)
        self.stop_event = win32event.CreateEvent(None, 0, 0, None)

    def SvcStop(self):
        self.ReportServiceStatus(win32service.SERVICE_STOP_PENDING)
        win32event.SetEvent(self.stop_event)

    def SvcDoRun(self):
        servicemanager.LogMsg(
            servicemanager.EVENTLOG_INFORMATION_TYPE,
            servicemanager.PYS_SERVICE_STARTED,
            (self._svc_name_, ""),
        )
        conn = connect_with_retry(self.stop_event)
        if conn is None:
            return
        http = requests.Session()
        http.headers["X-Api-Key"] = os.environ.get("METER_API_KEY", "")
        last_id = 0
        try:
            while True:
                if win32event.WaitForSingleObject(self.stop_event, POLL_MS) == win32event.WAIT_OBJECT_0:
                    break
                started = time.monotonic()
                try:
                    last_id = poll_once(conn, http, last_id)
                except (pyodbc.Error, requests.RequestException) as exc:
                    servicemanager.LogErrorMsg(f"poll failed: {exc}")
                servicemanager.LogInfoMsg(f"poll took {time.monotonic() - started:.1f}s")
        finally:
            http.close()
            conn.close()


if __name__ == "__main__":
    win32serviceutil.HandleCommandLine(MeterPollerService)

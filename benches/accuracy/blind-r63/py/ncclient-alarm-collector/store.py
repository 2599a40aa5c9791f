import requests
from psycopg_pool import ConnectionPool

from alarms import Alarm

NETBOX_URL = "https://netbox.noc.example.net/api"


def site_for(netbox: requests.Session, host: str) -> str:
    resp = netbox.get(f"{NETBOX_URL}/dcim/devices/", params={"name": host}, timeout=10)
    resp.raise_for_status()
    results = resp.json()["results"]
    return results[0]["site"]["slug"] if results else "unknown"


def save_alarm(pool: ConnectionPool, host: str, site: str, alarm: Alarm) -> None:
    with pool.connection() as conn:
        if alarm.cleared:
            conn.execute(
                "UPDATE alarms SET cleared_at = now()"
                " WHERE device = %s AND location = %s AND description = %s AND cleared_at IS NULL",
                (host, alarm.location, alarm.description),
            )
        else:
            conn.execute(
                "INSERT INTO alarms (device, site, severity, description, location, raised_at)"
                " VALUES (%s, %s, %s, %s, %s, %s)",
                (host, site, alarm.severity, alarm.description, alarm.location, alarm.raised_at),
            )

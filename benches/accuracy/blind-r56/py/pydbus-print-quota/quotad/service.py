"""org.acme.PrintQuota1 - called by the CUPS pre-filter once per print job."""
import logging
import os

import httpx
from pydbus.generic import signal
from sqlalchemy import text

log = logging.getLogger(__name__)

DIRECTORY_URL = os.environ.get("DIRECTORY_URL", "https://people.internal.acme.io/api")

BALANCE_SQL = text(
    "SELECT monthly_limit - used_this_month FROM print_quota WHERE username = :user"
)
CHARGE_SQL = text(
    "UPDATE print_quota SET used_this_month = used_this_month + :pages "
    "WHERE username = :user AND used_this_month + :pages <= monthly_limit"
)
LOG_SQL = text(
    "INSERT INTO print_jobs (username, printer, pages, printed_at) "
    "VALUES (:user, :printer, :pages, now())"
)


class PrintQuota(object):
    """
    <node>
      <interface name='org.acme.PrintQuota1'>
        <method name='Balance'>
          <arg type='s' name='user' direction='in'/>
          <arg type='i' name='pages_left' direction='out'/>
        </method>
        <method name='Charge'>
          <arg type='s' name='user' direction='in'/>
          <arg type='s' name='printer' direction='in'/>
          <arg type='i' name='pages' direction='in'/>
          <arg type='b' name='allowed' direction='out'/>
        </method>
        <method name='CostCenter'>
          <arg type='s' name='user' direction='in'/>
          <arg type='s' name='cost_center' direction='out'/>
        </method>
        <signal name='QuotaExceeded'>
          <arg type='s' name='user'/>
          <arg type='s' name='printer'/>
        </signal>
      </interface>
    </node>
    """

    QuotaExceeded = signal()

    def __init__(self, engine):
        self.engine = engine

    def Balance(self, user):
        with self.engine.connect() as conn:
            left = conn.execute(BALANCE_SQL, {"user": user}).scalar()
        return int(left or 0)

    def Charge(self, user, printer, pages):
        conn = self.engine.connect()
        trans = conn.begin()
        updated = conn.execute(CHARGE_SQL, {"user": user, "pages": pages}).rowcount
        if updated == 0:
            trans.rollback()
            log.info("quota exceeded for %s on %s (%d pages)", user, printer, pages)
            self.QuotaExceeded(user, printer)
            return False
        conn.execute(LOG_SQL, {"user": user, "printer": printer, "pages": pages})
        trans.commit()
        return True

    def CostCenter(self, user):
        directory = httpx.Client(base_url=DIRECTORY_URL, timeout=3.0)
        resp = directory.get(f"/people/{user}", params={"fields": "cost_center"})
        if resp.status_code == 404:
            return ""
        resp.raise_for_status()
        return resp.json().get("cost_center", "")

    def reset_month(self):
        """Called from the GLib timer on the first day of the month."""
        with self.engine.begin() as conn:
            conn.execute(text("UPDATE print_quota SET used_this_month = 0"))
        log.info("monthly quotas reset")

"""Badge-in kiosk at the staff entrance (systemd unit badge-kiosk.service).

pyscard's CardMonitor polls the PC/SC reader in a background thread and calls
BadgeObserver.update() each time a badge is put on or taken off the reader.
"""
import logging
import os
import signal
import threading
from datetime import datetime, timezone

import redis
from smartcard.CardMonitoring import CardMonitor, CardObserver
from smartcard.Exceptions import CardConnectionException
from smartcard.util import toHexString
from sqlalchemy import create_engine, select
from sqlalchemy.orm import sessionmaker

from directory import presence_client
from models import Employee, Punch

log = logging.getLogger("kiosk")

GET_UID = [0xFF, 0xCA, 0x00, 0x00, 0x00]   # PC/SC pseudo-APDU: read card UID
KIOSK = os.environ.get("KIOSK_NAME", "staff-entrance")


class BadgeObserver(CardObserver):
    def __init__(self, Session, cache, presence):
        self.Session = Session
        self.cache = cache
        self.presence = presence

    def update(self, observable, actions):
        added, _removed = actions
        for card in added:
            try:
                self.on_badge(card)
            except CardConnectionException as err:
                log.warning("badge removed too fast: %s", err)

    def read_uid(self, card):
        reader_link = card.createConnection()
        reader_link.connect()
        try:
            data, sw1, sw2 = reader_link.transmit(GET_UID)
        finally:
            reader_link.disconnect()
        if (sw1, sw2) != (0x90, 0x00):
            raise CardConnectionException(f"UID read failed: {sw1:02X}{sw2:02X}")
        return toHexString(data).replace(" ", "")

    def on_badge(self, card):
        uid = self.read_uid(card)
        # ignore the same badge for 5 s: people tend to hold it on the reader
        if not self.cache.set(f"kiosk:debounce:{uid}", 1, nx=True, ex=5):
            return

        with self.Session.begin() as session:
            emp = session.scalars(select(Employee).where(Employee.badge_uid == uid)).one_or_none()
            if emp is None or not emp.active:
                log.info("unknown or inactive badge %s", uid)
                return
            inside = self.cache.sismember("kiosk:inside", emp.id)
            direction = "out" if inside else "in"
            session.add(Punch(employee_id=emp.id, kiosk=KIOSK, direction=direction,
                              punched_at=datetime.now(timezone.utc)))
            name, emp_id = emp.name, emp.id

        if direction == "in":
            self.cache.sadd("kiosk:inside", emp_id)
        else:
            self.cache.srem("kiosk:inside", emp_id)
        self.presence().post("/presence", json={"employee": emp_id, "state": direction})
        log.info("%s badged %s", name, direction)


def main():
    logging.basicConfig(level=logging.INFO)
    engine = create_engine(os.environ["KIOSK_DB_URL"], pool_size=2, max_overflow=0, pool_pre_ping=True)
    Session = sessionmaker(engine, expire_on_commit=False)
    cache = redis.Redis(host=os.environ.get("REDIS_HOST", "localhost"), db=4)

    observer = BadgeObserver(Session, cache, presence_client)
    monitor = CardMonitor()
    monitor.addObserver(observer)
    log.info("kiosk %s waiting for badges", KIOSK)

    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    stop.wait()

    monitor.deleteObserver(observer)
    presence_client().close()
    cache.close()
    engine.dispose()


if __name__ == "__main__":
    main()

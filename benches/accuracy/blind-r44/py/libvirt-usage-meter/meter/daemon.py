"""Meter VM lifecycle changes on this hypervisor.

The libvirt default event loop runs in a background thread; callbacks are
registered once on a single read-only connection.
"""
import logging
import signal
import threading
import time

import libvirt

from meter import events, sinks

log = logging.getLogger("meter")

URI = "qemu:///system"


def run_event_loop():
    while True:
        libvirt.virEventRunDefaultImpl()


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    libvirt.virEventRegisterDefaultImpl()
    threading.Thread(target=run_event_loop, name="libvirt-events", daemon=True).start()

    conn = libvirt.openReadOnly(URI)
    conn.setKeepAlive(5, 3)
    callback_ids = [
        conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_LIFECYCLE, events.on_lifecycle, None),
        conn.domainEventRegisterAny(None, libvirt.VIR_DOMAIN_EVENT_ID_REBOOT, events.on_reboot, None),
    ]
    log.info("metering VMs on %s", URI)

    stopping = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stopping.set())
    try:
        while not stopping.is_set() and conn.isAlive():
            time.sleep(1)
    finally:
        for cid in callback_ids:
            conn.domainEventDeregisterAny(cid)
        conn.close()
        events.billing.close()
        sinks.close_all()


if __name__ == "__main__":
    main()

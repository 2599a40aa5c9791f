"""fleet-agent entry point: build clients once, wire D-Bus signals, run the loop."""
import logging
import signal

from dasbus.connection import SystemMessageBus
from dasbus.loop import EventLoop

from fleetagent import clients
from fleetagent.handlers import FleetRecorder

log = logging.getLogger("fleet-agent")


def main():
    logging.basicConfig(level=logging.INFO)
    engine = clients.make_engine()
    http = clients.make_http()
    recorder = FleetRecorder(engine, http)

    bus = SystemMessageBus()
    login1 = bus.get_proxy("org.freedesktop.login1", "/org/freedesktop/login1")
    login1.PrepareForSleep.connect(recorder.on_prepare_for_sleep)
    login1.SessionNew.connect(recorder.on_session_new)
    login1.SessionRemoved.connect(recorder.on_session_removed)

    nm = bus.get_proxy("org.freedesktop.NetworkManager", "/org/freedesktop/NetworkManager")
    nm.StateChanged.connect(recorder.on_nm_state_changed)

    loop = EventLoop()
    signal.signal(signal.SIGTERM, lambda *_: loop.quit())
    log.info("listening for logind and NetworkManager signals")
    try:
        loop.run()
    finally:
        bus.disconnect()
        http.close()
        engine.dispose()
        clients.get_redis().close()


if __name__ == "__main__":
    main()

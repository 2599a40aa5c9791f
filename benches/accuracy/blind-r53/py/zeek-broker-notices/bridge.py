"""Long-running bridge: subscribes to Zeek's Broker topics and forwards events.

Runs under systemd next to the Zeek cluster; one loop iteration per Zeek event.
"""
import logging
import os
import time

import broker

import alerts
import enrich

log = logging.getLogger("zeek-bridge")

ZEEK_HOST = os.environ.get("ZEEK_BROKER_HOST", "127.0.0.1")
ZEEK_PORT = int(os.environ.get("ZEEK_BROKER_PORT", "9999"))


def connect_endpoint():
    ep = broker.Endpoint()
    subscriber = ep.make_subscriber(["/soc/notices", "/soc/certs"])
    status = ep.make_status_subscriber(True)
    for attempt in range(1, 11):
        ep.peer_nosync(ZEEK_HOST, ZEEK_PORT, 5)
        st = status.get()
        if isinstance(st, broker.Status) and st.code() == broker.SC.PeerAdded:
            log.info("peered with zeek at %s:%s", ZEEK_HOST, ZEEK_PORT)
            return ep, subscriber, status
        log.warning("peering attempt %d failed: %s", attempt, st)
        time.sleep(3)
    raise SystemExit("could not peer with zeek")


def dispatch(topic, data):
    event = broker.zeek.Event(data)
    name = event.name()
    args = event.args()
    if name == "NoticeBridge::notice_seen":
        note, src, dst, msg, ts = args
        context = enrich.host_context(str(src))
        alerts.handle_notice(note, str(src), str(dst), msg, ts, context)
    elif name == "NoticeBridge::cert_seen":
        host, subject, issuer, not_after = args
        alerts.handle_cert(str(host), subject, issuer, not_after)
    else:
        log.debug("ignoring %s on %s", name, topic)


def main():
    logging.basicConfig(level=logging.INFO)
    ep, subscriber, status = connect_endpoint()
    try:
        while True:
            topic, data = subscriber.get()
            try:
                dispatch(topic, data)
            except Exception:
                log.exception("failed to handle event on %s", topic)
            for st in status.poll():
                if isinstance(st, broker.Status) and st.code() == broker.SC.PeerLost:
                    log.error("lost zeek peer, exiting for systemd restart")
                    return
    finally:
        ep.shutdown()


if __name__ == "__main__":
    main()

import logging
import os

import pyshark

from .clients import TenantSearch, make_http, make_sessionmaker
from .handler import DnsQueryHandler, load_blocklist


def main():
    logging.basicConfig(level=logging.INFO)
    engine, Session = make_sessionmaker()
    http = make_http()
    search = TenantSearch(api_key=os.environ["ES_API_KEY"])
    handler = DnsQueryHandler(search, Session, http, load_blocklist(Session))

    capture = pyshark.LiveCapture(
        interface=os.environ.get("MIRROR_IFACE", "ens5f1"),
        bpf_filter="vlan and udp dst port 53",
        display_filter="dns.flags.response == 0",
    )
    try:
        capture.apply_on_packets(handler)
    except KeyboardInterrupt:
        pass
    finally:
        capture.close()
        search.close()
        http.close()
        engine.dispose()


if __name__ == "__main__":
    main()

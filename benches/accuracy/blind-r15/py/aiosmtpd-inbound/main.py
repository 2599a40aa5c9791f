"""Inbound mail gateway for ticket replies: reply+<ticket>@support.example.com."""
import logging
import os
import signal

from aiosmtpd.controller import Controller
from elasticsearch import Elasticsearch

from handler import InboundHandler

logging.basicConfig(level=logging.INFO)


def main() -> None:
    # Block the signals before the controller thread starts so only sigwait sees them.
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})

    es = Elasticsearch(os.environ.get("ES_URL", "http://elasticsearch:9200"), request_timeout=10)
    controller = Controller(
        InboundHandler(es),
        hostname="0.0.0.0",
        port=int(os.environ.get("SMTP_PORT", "8025")),
        data_size_limit=25 * 1024 * 1024,
    )
    controller.start()
    logging.info("listening on %s:%s", controller.hostname, controller.port)
    try:
        signal.sigwait({signal.SIGINT, signal.SIGTERM})
    finally:
        controller.stop()
        es.close()


if __name__ == "__main__":
    main()

"""Entry point: serve the enrichment UDFs over Arrow Flight for RisingWave.

  CREATE FUNCTION geocode_country(varchar) RETURNS varchar
      AS geocode_country USING LINK 'http://enrich-udf:8815';
"""
import logging
import os
import signal
import sys

from arrow_udf import UdfServer

from clients import close_all
from enrich import geocode_country, merchant_risk, sku_components, to_eur

log = logging.getLogger("enrich-udf")


def main():
    logging.basicConfig(level=logging.INFO)
    location = os.environ.get("UDF_LISTEN", "0.0.0.0:8815")
    server = UdfServer(location=location)
    for fn in (geocode_country, merchant_risk, to_eur, sku_components):
        server.add_function(fn)

    def _shutdown(signum, frame):
        log.info("signal %s: closing shared clients", signum)
        close_all()
        sys.exit(0)

    signal.signal(signal.SIGTERM, _shutdown)
    log.info("UDF server listening on %s", location)
    try:
        server.serve()
    finally:
        close_all()


if __name__ == "__main__":
    main()

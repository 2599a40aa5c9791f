import logging
import os
import select

import requests
from systemd import journal

from authwatch.db import make_engine
from authwatch.rules import FailedLoginRule


def main():
    logging.basicConfig(level=logging.INFO)
    engine = make_engine()
    http = requests.Session()
    rule = FailedLoginRule(engine, http, os.environ["AUTHWATCH_WEBHOOK"])

    reader = journal.Reader()
    reader.this_boot()
    reader.add_match(_SYSTEMD_UNIT="ssh.service")
    reader.seek_tail()
    reader.get_previous()

    poller = select.poll()
    poller.register(reader, reader.get_events())
    try:
        while True:
            poller.poll()
            if reader.process() != journal.APPEND:
                continue
            for entry in reader:
                rule.handle(entry)
    finally:
        http.close()
        engine.dispose()


if __name__ == "__main__":
    main()

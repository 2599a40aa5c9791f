import logging
import os
import time

from watchdog.observers import Observer

from handlers import InvoiceHandler

WATCH_DIR = os.environ.get("INVOICE_DROP_DIR", "/srv/invoices/inbox")


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    observer = Observer()
    observer.schedule(InvoiceHandler(), WATCH_DIR, recursive=True)
    observer.start()
    try:
        while True:
            time.sleep(1)
    except KeyboardInterrupt:
        observer.stop()
    observer.join()


if __name__ == "__main__":
    main()

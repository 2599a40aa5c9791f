"""Entry point: reads scanner events (JSON lines on stdin) and feeds the actors."""
import json
import logging
import signal
import sys

import pykka

from .actors import ReorderActor, ReportActor, StockActor

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("stockd")


def main() -> int:
    reorder = ReorderActor.start()
    stock = StockActor.start(reorder)
    report = ReportActor.start()

    def _shutdown(*_):
        pykka.ActorRegistry.stop_all()
        sys.exit(0)

    signal.signal(signal.SIGTERM, _shutdown)

    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            event = json.loads(line)
        except json.JSONDecodeError:
            log.warning("bad event line: %s", line[:80])
            continue
        if event.get("type") == "move":
            stock.tell(event)
        elif event.get("type") in ("low_stock", "daily"):
            print(json.dumps(report.ask(event, timeout=60), default=str), flush=True)

    pykka.ActorRegistry.stop_all()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

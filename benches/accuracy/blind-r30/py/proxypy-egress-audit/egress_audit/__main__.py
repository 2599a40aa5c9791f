import logging
import os

import proxy

from .plugin import EgressAuditPlugin


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    with proxy.Proxy(
        [
            "--hostname", "0.0.0.0",
            "--port", os.environ.get("EGRESS_PORT", "8899"),
            "--num-workers", "4",
        ],
        plugins=[EgressAuditPlugin],
    ):
        proxy.sleep_loop()


if __name__ == "__main__":
    main()

"""Entry point: import the view modules so their routes register, then serve."""
import argparse
import logging
import os

from app import app

import reports  # noqa: F401  (registers /reports/*)
import views  # noqa: F401  (registers / and /api/*)


def parse_args():
    parser = argparse.ArgumentParser(description="Warehouse inventory UI")
    parser.add_argument("--host", default=os.environ.get("HOST", "0.0.0.0"))
    parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8080")))
    parser.add_argument("--debug", action="store_true")
    return parser.parse_args()


def main():
    args = parse_args()
    logging.basicConfig(
        level=logging.DEBUG if args.debug else logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    logging.getLogger("inventory").info(
        "serving inventory UI on %s:%s", args.host, args.port
    )
    app.run(host=args.host, port=args.port)


if __name__ == "__main__":
    main()

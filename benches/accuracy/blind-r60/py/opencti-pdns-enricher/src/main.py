import os
import sys
import time
import traceback

import yaml

from connector import PassiveDnsEnricher


def load_config() -> dict:
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "config.yml")
    if os.path.isfile(path):
        with open(path, encoding="utf-8") as fh:
            return yaml.safe_load(fh) or {}
    return {}


if __name__ == "__main__":
    try:
        connector = PassiveDnsEnricher(load_config())
        connector.start()
    except Exception:
        traceback.print_exc()
        time.sleep(10)
        sys.exit(1)

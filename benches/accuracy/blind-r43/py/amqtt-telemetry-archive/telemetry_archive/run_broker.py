import asyncio
import logging
import os

import yaml
from amqtt.broker import Broker


async def serve(config_path):
    with open(config_path) as fh:
        config = yaml.safe_load(fh)
    broker = Broker(config, plugin_namespace="telemetry_archive.plugins")
    await broker.start()
    try:
        await asyncio.Event().wait()
    finally:
        await broker.shutdown()


def main():
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve(os.environ.get("BROKER_CONFIG", "broker.yaml")))


if __name__ == "__main__":
    main()

import json
import logging

from stevedore import extension

from courier.context import EventContext
from courier.services import build_services, close_services

log = logging.getLogger("courier")


def _on_load_failure(manager, entrypoint, exc):
    log.error("could not load handler %s: %s", entrypoint, exc)


def main():
    logging.basicConfig(level=logging.INFO)
    services = build_services()
    handlers = extension.ExtensionManager(
        namespace="courier.handlers",
        invoke_on_load=True,
        invoke_kwds={"services": services},
        on_load_failure_callback=_on_load_failure,
    )
    log.info("loaded handlers: %s", ", ".join(handlers.names()))

    pubsub = services.redis.pubsub(ignore_subscribe_messages=True)
    pubsub.psubscribe("courier.events.*")
    try:
        for message in pubsub.listen():
            kind = message["channel"].rsplit(".", 1)[-1]
            ctx = EventContext(kind=kind, payload=json.loads(message["data"]), services=services)
            handlers.map_method("handle", ctx)
    finally:
        pubsub.close()
        close_services(services)


if __name__ == "__main__":
    main()

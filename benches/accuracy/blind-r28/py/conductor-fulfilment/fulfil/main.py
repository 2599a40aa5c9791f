"""Start the fulfilment task workers.

    CONDUCTOR_SERVER_URL=https://conductor.internal/api python -m fulfil.main
"""
import logging
import os
import signal

from conductor.client.automator.task_handler import TaskHandler
from conductor.client.configuration.configuration import Configuration
from conductor.client.configuration.settings.authentication_settings import AuthenticationSettings

from fulfil.clients import close_all

log = logging.getLogger("fulfil")


def build_configuration() -> Configuration:
    key_id = os.environ.get("CONDUCTOR_AUTH_KEY")
    secret = os.environ.get("CONDUCTOR_AUTH_SECRET")
    auth = AuthenticationSettings(key_id=key_id, key_secret=secret) if key_id else None
    return Configuration(
        server_api_url=os.environ.get("CONDUCTOR_SERVER_URL", "http://localhost:8080/api"),
        debug=os.environ.get("CONDUCTOR_DEBUG") == "1",
        authentication_settings=auth,
    )


def main() -> None:
    logging.basicConfig(level=os.environ.get("LOG_LEVEL", "INFO"))
    handler = TaskHandler(
        workers=[],
        configuration=build_configuration(),
        scan_for_annotated_workers=True,
        import_modules=["fulfil.workers"],
    )

    def _stop(*_):
        log.info("stopping workers")
        handler.stop_processes()

    signal.signal(signal.SIGTERM, _stop)
    handler.start_processes()
    try:
        handler.join_processes()
    finally:
        close_all()


if __name__ == "__main__":
    main()

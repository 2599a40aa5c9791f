"""Long-running data-quality runner: every 15 minutes, run each checkpoint."""
import logging
import signal
import time

import great_expectations as gx

from gx_runner.actions import NotifyOpsWebhook, StoreResultsInPostgres
from gx_runner.clients import close_all

log = logging.getLogger("dq-runner")

VALIDATIONS = ["orders_daily", "payments_hourly", "customers_snapshot"]
INTERVAL_S = 15 * 60
stopping = False


def handle_stop(signum, frame):
    global stopping
    stopping = True


def build_checkpoints(context):
    checkpoints = []
    for name in VALIDATIONS:
        checkpoint = gx.Checkpoint(
            name=f"{name}_checkpoint",
            validation_definitions=[context.validation_definitions.get(name)],
            actions=[StoreResultsInPostgres(name="store_results"), NotifyOpsWebhook(name="notify_ops")],
            result_format={"result_format": "SUMMARY"},
        )
        checkpoints.append(context.checkpoints.add_or_update(checkpoint))
    return checkpoints


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    signal.signal(signal.SIGTERM, handle_stop)
    context = gx.get_context(mode="file", project_root_dir=".")
    checkpoints = build_checkpoints(context)
    try:
        while not stopping:
            for checkpoint in checkpoints:
                result = checkpoint.run()
                log.info("%s success=%s", checkpoint.name, result.success)
            for _ in range(INTERVAL_S):
                if stopping:
                    break
                time.sleep(1)
    finally:
        close_all()


if __name__ == "__main__":
    main()

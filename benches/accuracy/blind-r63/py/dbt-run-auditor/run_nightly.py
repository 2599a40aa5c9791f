"""Nightly `dbt build` for the analytics warehouse, invoked by cron.

dbt is driven programmatically so that every structured event it emits is
handed to our callbacks: one NodeFinished event per model, seed, snapshot and
test (about 2,400 nodes in the prod project).
"""
import logging
import sys

from dbt.cli.main import dbtRunner, dbtRunnerResult

from audit import close_audit_pool, record_node_result
from notify import alert_on_bad_node

log = logging.getLogger("nightly")


def main(argv: list[str]) -> int:
    logging.basicConfig(level=logging.INFO)
    runner = dbtRunner(callbacks=[record_node_result, alert_on_bad_node])
    try:
        result: dbtRunnerResult = runner.invoke(
            ["build", "--target", "prod", "--project-dir", "warehouse", *argv]
        )
    finally:
        close_audit_pool()

    if result.exception is not None:
        log.error("dbt crashed: %s", result.exception)
        return 2
    return 0 if result.success else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

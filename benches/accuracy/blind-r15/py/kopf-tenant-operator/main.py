"""Entry point: `kopf run main.py --all-namespaces`.

Importing the handler modules registers their handlers with kopf's default registry.
"""
import logging
import os

import kopf
import psycopg_pool

import handlers.tenants  # noqa: F401
import handlers.usage  # noqa: F401


@kopf.on.startup()
def configure(settings: kopf.OperatorSettings, memo: kopf.Memo, logger, **_):
    settings.posting.level = logging.WARNING
    settings.persistence.finalizer = "tenants.example.com/finalizer"
    dsn = os.environ["CONTROL_DB_DSN"]
    memo.pg_pool = psycopg_pool.ConnectionPool(dsn, min_size=2, max_size=40, open=True)
    logger.info("control database pool ready")


@kopf.on.cleanup()
def shutdown(memo: kopf.Memo, **_):
    memo.pg_pool.close()

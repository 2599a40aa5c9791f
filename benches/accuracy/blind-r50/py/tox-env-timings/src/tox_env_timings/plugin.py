"""tox 4 hook implementations (loaded through the 'tox' entry point group)."""
from __future__ import annotations

import logging
import os
import socket

from tox.config.cli.parser import ToxParser
from tox.execute.api import Outcome
from tox.plugin import impl
from tox.tox_env.api import ToxEnv

from . import store

log = logging.getLogger(__name__)


@impl
def tox_add_option(parser: ToxParser) -> None:
    parser.add_argument(
        "--timings-dsn",
        dest="timings_dsn",
        default=os.environ.get("TOX_TIMINGS_DSN"),
        help="libpq DSN of the CI metrics database (disabled when empty)",
    )


@impl
def tox_after_run_commands(tox_env: ToxEnv, exit_code: int, outcomes: list[Outcome]) -> None:
    dsn = getattr(tox_env.options, "timings_dsn", None)
    if not dsn:
        return
    seconds = sum(outcome.elapsed for outcome in outcomes)
    row = (
        tox_env.core["tox_root"].name,
        tox_env.name,
        exit_code,
        round(seconds, 3),
        socket.gethostname(),
        os.environ.get("CI_JOB_ID"),
    )
    try:
        store.record(store.get_connection(dsn), row)
    except Exception as exc:  # metrics must never fail the build
        log.warning("tox-env-timings: could not record %s: %s", tox_env.name, exc)

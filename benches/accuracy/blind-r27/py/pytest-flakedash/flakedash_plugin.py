"""pytest plugin: pushes every test report to the flake dashboard."""
import os
import platform
import uuid

import pytest
import requests
from sqlalchemy import create_engine, text

from flakedash_quarantine import active_count, quarantine_reason

DASHBOARD_URL = os.environ.get("FLAKEDASH_URL", "https://flakedash.internal.example.com")

engine = create_engine(
    os.environ.get("FLAKEDASH_DB_URL", "postgresql+psycopg2://flakedash@flakedash-db/flakedash"),
    pool_size=2,
    max_overflow=0,
)

_state = {"enabled": False, "run_id": None}


def pytest_addoption(parser):
    group = parser.getgroup("flakedash")
    group.addoption("--flakedash", action="store_true", help="report results to the flake dashboard")
    group.addoption("--flakedash-project", default=os.environ.get("CI_PROJECT_NAME", "local"))


def pytest_configure(config):
    config.addinivalue_line("markers", "flakedash_ignore: never report this test")
    config._flakedash_run_id = str(uuid.uuid4())
    config._flakedash_enabled = config.getoption("--flakedash")
    _state.update(enabled=config._flakedash_enabled, run_id=config._flakedash_run_id)


def pytest_sessionstart(session):
    config = session.config
    if not config._flakedash_enabled:
        return
    with engine.begin() as conn:
        conn.execute(
            text("INSERT INTO runs (id, project, host, python) VALUES (:id, :project, :host, :py)"),
            {
                "id": config._flakedash_run_id,
                "project": config.getoption("--flakedash-project"),
                "host": platform.node(),
                "py": platform.python_version(),
            },
        )


def pytest_runtest_setup(item):
    if not item.config._flakedash_enabled:
        return
    reason = quarantine_reason(item.config.getoption("--flakedash-project"), item.nodeid)
    if reason:
        item.add_marker(pytest.mark.xfail(reason=f"quarantined: {reason}", strict=False))


def pytest_runtest_logreport(report):
    if not _state["enabled"]:
        return
    if report.when != "call" and not report.failed:
        return
    http = requests.Session()
    http.headers["Authorization"] = f"Token {os.environ.get('FLAKEDASH_TOKEN', '')}"
    http.post(
        f"{DASHBOARD_URL}/api/v1/results",
        json={
            "run_id": _state["run_id"],
            "nodeid": report.nodeid,
            "phase": report.when,
            "outcome": report.outcome,
            "duration": report.duration,
            "longrepr": str(report.longrepr)[:4000] if report.failed else None,
        },
        timeout=5,
    )


def pytest_terminal_summary(terminalreporter, exitstatus, config):
    if not config._flakedash_enabled:
        return
    project = config.getoption("--flakedash-project")
    terminalreporter.write_sep("-", "flakedash")
    terminalreporter.write_line(f"run {config._flakedash_run_id}: {active_count(project)} tests quarantined")


def pytest_unconfigure(config):
    engine.dispose()

"""A wrapper kernel: every notebook cell is executed as SQL (do_execute runs per cell)."""
import getpass
import os
import time

import httpx
from ipykernel.kernelbase import Kernel
from psycopg_pool import ConnectionPool

from pgsql_kernel import __version__

# Analysts go through the shared PgBouncer (transaction pooling) in front of the warehouse.
WAREHOUSE_DSN = os.environ.get(
    "PGSQL_KERNEL_DSN",
    "postgresql://analyst@pgbouncer.analytics.internal:6543/warehouse?sslmode=require",
)
AUDIT_URL = os.environ.get("PGSQL_KERNEL_AUDIT_URL", "https://audit.analytics.internal/v1/queries")
MAX_ROWS = 200


def _render_html(columns, rows):
    head = "".join(f"<th>{c}</th>" for c in columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{v}</td>" for v in row) + "</tr>" for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


class PgSQLKernel(Kernel):
    implementation = "pgsql_kernel"
    implementation_version = __version__
    language = "sql"
    language_version = "postgresql-16"
    language_info = {"name": "sql", "mimetype": "text/x-postgresql", "file_extension": ".sql"}
    banner = "Warehouse SQL kernel - cells run against the analytics warehouse"

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.pool = ConnectionPool(
            WAREHOUSE_DSN,
            min_size=1,
            max_size=3,
            kwargs={"autocommit": True, "application_name": "pgsql_kernel"},
            open=True,
        )

    def _audit(self, code, elapsed, status):
        with httpx.Client(timeout=3.0) as client:
            client.post(
                AUDIT_URL,
                json={
                    "user": getpass.getuser(),
                    "sql": code,
                    "elapsed_ms": int(elapsed * 1000),
                    "status": status,
                },
            )

    def do_execute(self, code, silent, store_history=True, user_expressions=None, allow_stdin=False):
        code = code.strip()
        if not code:
            return {"status": "ok", "execution_count": self.execution_count, "payload": [], "user_expressions": {}}

        started = time.monotonic()
        conn = self.pool.getconn()
        try:
            cur = conn.execute(code)
        except Exception as exc:
            self._audit(code, time.monotonic() - started, "error")
            self.send_response(self.iopub_socket, "stream", {"name": "stderr", "text": f"{exc}\n"})
            return {
                "status": "error",
                "execution_count": self.execution_count,
                "ename": type(exc).__name__,
                "evalue": str(exc),
                "traceback": [],
            }

        if cur.description is not None and not silent:
            columns = [d.name for d in cur.description]
            rows = cur.fetchmany(MAX_ROWS)
            self.send_response(
                self.iopub_socket,
                "display_data",
                {"data": {"text/html": _render_html(columns, rows)}, "metadata": {}},
            )
        elif not silent:
            self.send_response(self.iopub_socket, "stream", {"name": "stdout", "text": f"{cur.rowcount} rows\n"})
        self.pool.putconn(conn)

        self._audit(code, time.monotonic() - started, "ok")
        return {"status": "ok", "execution_count": self.execution_count, "payload": [], "user_expressions": {}}

    def do_shutdown(self, restart):
        self.pool.close()
        return {"status": "ok", "restart": restart}

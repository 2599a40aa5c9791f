import psycopg
import urwid

from . import clients

SESSIONS_SQL = """
SELECT pid, usename, state, now() - query_start AS running_for, left(query, 60)
FROM pg_stat_activity
WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()
ORDER BY query_start NULLS LAST
LIMIT 30
"""


class Dashboard:
    REFRESH_SECONDS = 5

    def __init__(self, pool):
        self.pool = pool
        self.header = urwid.Text("pgwatch - connecting...")
        self.walker = urwid.SimpleFocusListWalker([])
        self.widget = urwid.Frame(urwid.ListBox(self.walker), header=urwid.AttrMap(self.header, "header"))

    # called by MainLoop alarms, every REFRESH_SECONDS for as long as the console is open
    def refresh(self, loop, _user_data=None):
        with self.pool.connection() as conn:
            rows = conn.execute(SESSIONS_SQL).fetchall()

        api = clients.status_api()
        cluster = api.get("/cluster").json()
        leader = next((m["name"] for m in cluster.get("members", []) if m.get("role") == "leader"), "?")
        lag = max((m.get("lag", 0) or 0 for m in cluster.get("members", [])), default=0)

        self.header.set_text(f"leader={leader}  max_lag={lag}B  sessions={len(rows)}   [q]uit")
        self.walker[:] = [self._row(r) for r in rows]
        loop.set_alarm_in(self.REFRESH_SECONDS, self.refresh)

    def _row(self, r):
        pid, user, state, running_for, query = r
        label = f"{pid:>7} {user or '-':<12} {state or '-':<8} {str(running_for or ''):<16} {query or ''}"
        cancel = urwid.Button("cancel", on_press=self.on_cancel, user_data=pid)
        kill = urwid.Button("kill", on_press=self.on_terminate, user_data=pid)
        return urwid.Columns([urwid.Text(label), (10, cancel), (8, kill)])

    def on_cancel(self, _button, pid):
        conn = self.pool.getconn()
        ok = conn.execute("SELECT pg_cancel_backend(%s)", (pid,)).fetchone()[0]
        self.header.set_text(f"cancel {pid}: {'sent' if ok else 'not found'}")

    def on_terminate(self, _button, pid):
        # terminate needs the superuser role; the pool connects as the monitoring role
        conn = psycopg.connect(clients.PRIMARY_DSN, user="pgwatch_admin", autocommit=True)
        ok = conn.execute("SELECT pg_terminate_backend(%s)", (pid,)).fetchone()[0]
        self.header.set_text(f"terminate {pid}: {'done' if ok else 'not found'}")

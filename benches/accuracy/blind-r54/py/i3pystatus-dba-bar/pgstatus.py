"""i3pystatus modules that watch the production Postgres cluster.

i3pystatus calls ``run()`` of every IntervalModule again after each
``interval`` seconds for as long as the i3 session is up.
"""
import psycopg2
from i3pystatus import IntervalModule


class ReplicationLag(IntervalModule):
    """Shows the replay lag of the streaming replica in seconds."""

    settings = (
        ("dsn", "libpq connection string of the replica"),
        ("warn_after", "lag in seconds that turns the block yellow"),
        ("crit_after", "lag in seconds that turns the block red"),
        "format",
        "interval",
    )
    required = ("dsn",)

    dsn = None
    warn_after = 30
    crit_after = 300
    format = "lag {lag}s"
    interval = 15

    def run(self):
        conn = psycopg2.connect(self.dsn, connect_timeout=3)
        cur = conn.cursor()
        cur.execute(
            "SELECT COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0)"
        )
        lag = int(cur.fetchone()[0])

        color = "#8ec07c"
        if lag >= self.crit_after:
            color = "#fb4934"
        elif lag >= self.warn_after:
            color = "#fabd2f"
        self.output = {"full_text": self.format.format(lag=lag), "color": color}


class LongQueries(IntervalModule):
    """Counts queries running longer than ``threshold`` on the primary."""

    settings = (
        ("dsn", "libpq connection string of the primary"),
        ("threshold", "minutes"),
        "interval",
    )
    required = ("dsn",)

    dsn = None
    threshold = 5
    interval = 30

    def init(self):
        # init() runs once, after the settings are applied.
        self.conn = None

    def _connection(self):
        if self.conn is None or self.conn.closed:
            self.conn = psycopg2.connect(self.dsn, connect_timeout=3)
            self.conn.autocommit = True
        return self.conn

    def run(self):
        try:
            with self._connection().cursor() as cur:
                cur.execute(
                    "SELECT count(*) FROM pg_stat_activity WHERE state = 'active' "
                    "AND now() - query_start > make_interval(mins => %s)",
                    (self.threshold,),
                )
                slow = cur.fetchone()[0]
        except psycopg2.OperationalError:
            if self.conn is not None:
                self.conn.close()
            self.conn = None
            self.output = {"full_text": "pg: down", "color": "#fb4934"}
            return

        self.output = {
            "full_text": f"slow {slow}",
            "color": "#fabd2f" if slow else "#8ec07c",
        }

"""cmd2 console. Each do_* method runs once per command typed by the operator."""
import argparse

import cmd2
from cmd2 import Cmd2ArgumentParser, with_argparser


class OpsConsole(cmd2.Cmd):
    intro = "payments on-call console -- type help or ? to list commands"
    prompt = "(ops) "

    def __init__(self, pool, http):
        super().__init__(allow_cli_args=False, persistent_history_file="~/.opsconsole_history")
        self.pool = pool
        self.http = http
        self.default_limit = 20
        self.add_settable(
            cmd2.Settable("default_limit", int, "rows shown by list commands", self)
        )

    payment_parser = Cmd2ArgumentParser(description="Show a payment and its events")
    payment_parser.add_argument("payment_id")

    @with_argparser(payment_parser)
    def do_payment(self, args: argparse.Namespace) -> None:
        with self.pool.connection() as conn:
            row = conn.execute(
                "SELECT id, merchant_id, amount_cents, currency, state, created_at "
                "FROM payments WHERE id = %s",
                (args.payment_id,),
            ).fetchone()
            if row is None:
                self.perror(f"no payment {args.payment_id}")
                return
            events = conn.execute(
                "SELECT kind, created_at FROM payment_events WHERE payment_id = %s ORDER BY created_at",
                (args.payment_id,),
            ).fetchall()
        self.poutput(f"{row[0]}  merchant={row[1]}  {row[2] / 100:.2f} {row[3]}  {row[4]}  {row[5]:%F %T}")
        for kind, at in events:
            self.poutput(f"    {at:%F %T}  {kind}")

    stuck_parser = Cmd2ArgumentParser(description="List payments stuck in a state")
    stuck_parser.add_argument("--state", default="pending_capture")
    stuck_parser.add_argument("--older-than", type=int, default=30, help="minutes")
    stuck_parser.add_argument("--limit", type=int)

    @with_argparser(stuck_parser)
    def do_stuck(self, args: argparse.Namespace) -> None:
        limit = args.limit or self.default_limit
        with self.pool.connection() as conn:
            rows = conn.execute(
                "SELECT id, merchant_id, state, updated_at FROM payments "
                "WHERE state = %s AND updated_at < now() - make_interval(mins => %s) "
                "ORDER BY updated_at LIMIT %s",
                (args.state, args.older_than, limit),
            ).fetchall()
        self.ppaged("\n".join(f"{r[0]}  {r[1]}  {r[2]}  {r[3]:%F %T}" for r in rows) or "none")

    incident_parser = Cmd2ArgumentParser(description="Post an update to the status page")
    incident_parser.add_argument("incident_id")
    incident_parser.add_argument("message", nargs="+")

    @with_argparser(incident_parser)
    def do_incident(self, args: argparse.Namespace) -> None:
        resp = self.http.post(
            f"/incidents/{args.incident_id}/updates",
            json={"body": " ".join(args.message), "author": self.get_user()},
        )
        if resp.is_success:
            self.pfeedback(f"posted update to incident {args.incident_id}")
        else:
            self.perror(f"status API returned {resp.status_code}: {resp.text[:200]}")

    def do_health(self, _: cmd2.Statement) -> None:
        """Check replica lag and status API reachability."""
        with self.pool.connection() as conn:
            lag = conn.execute(
                "SELECT COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0)"
            ).fetchone()[0]
        api = self.http.get("/health")
        stats = self.pool.get_stats()
        self.poutput(f"replica lag {lag:.1f}s  status-api {api.status_code}  pool {stats}")

    @staticmethod
    def get_user() -> str:
        import getpass

        return getpass.getuser()

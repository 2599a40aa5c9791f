import os

import requests
from evennia import Command
from sqlalchemy import text
from sqlalchemy.orm import Session

from world import stats_db

PATREON_HOOK = os.environ.get("DONATION_HOOK", "https://hooks.example.com/mud/donations")


class CmdLeaderboard(Command):
    """
    Show the arena leaderboard.

    Usage:
      leaderboard [<weapon class>]
    """

    key = "leaderboard"
    aliases = ["lb"]
    locks = "cmd:all()"
    help_category = "Arena"

    def func(self):
        weapon = self.args.strip() or None
        session = Session(stats_db.engine)
        query = text(
            "SELECT player, wins, losses FROM arena_ranking "
            "WHERE (:weapon IS NULL OR weapon_class = :weapon) ORDER BY elo DESC LIMIT 10"
        )
        rows = session.execute(query, {"weapon": weapon}).all()
        if not rows:
            self.caller.msg("No arena fights recorded yet.")
            return
        lines = [f"{i + 1:>2}. {r.player:<20} {r.wins:>4}W {r.losses:>4}L" for i, r in enumerate(rows)]
        self.caller.msg("|wArena leaderboard|n\n" + "\n".join(lines))
        session.close()


class CmdDonate(Command):
    """
    Pledge gold to the arena prize pool.

    Usage:
      donate <amount>
    """

    key = "donate"
    locks = "cmd:all()"
    help_category = "Arena"

    def parse(self):
        self.amount = int(self.args.strip()) if self.args.strip().isdigit() else 0

    def func(self):
        if self.amount <= 0:
            self.caller.msg("Usage: donate <amount>")
            return
        if (self.caller.db.gold or 0) < self.amount:
            self.caller.msg("You don't have that much gold.")
            return
        self.caller.db.gold -= self.amount
        with Session(stats_db.engine) as session, session.begin():
            session.execute(
                text("INSERT INTO prize_pool (player, amount) VALUES (:p, :a)"),
                {"p": self.caller.key, "a": self.amount},
            )
        requests.post(PATREON_HOOK, json={"player": self.caller.key, "gold": self.amount}, timeout=3)
        self.caller.msg(f"You pledge {self.amount} gold to the arena.")

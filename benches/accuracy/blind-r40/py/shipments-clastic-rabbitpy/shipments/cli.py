"""shiptool: one-off maintenance commands (run as the release phase or by hand)."""
from cleo.application import Application
from cleo.commands.command import Command
from cleo.helpers import option
from sqlalchemy import text

from .db import make_engine


class BackfillEtaCommand(Command):
    name = "backfill-eta"
    description = "Recompute missing ETAs from carrier SLA tables"
    options = [option("since", None, "Only shipments created after this date", flag=False, default="2024-01-01")]

    def handle(self) -> int:
        engine = make_engine(attempts=3, pool_size=1)
        try:
            with engine.begin() as conn:
                result = conn.execute(
                    text(
                        "UPDATE shipments s SET eta = s.created_at + c.sla "
                        "FROM carrier_sla c WHERE c.carrier = s.carrier "
                        "AND s.eta IS NULL AND s.created_at >= :since"
                    ),
                    {"since": self.option("since")},
                )
            self.line(f"<info>backfilled {result.rowcount} shipment(s)</info>")
        finally:
            engine.dispose()
        return 0


def main() -> int:
    app = Application("shiptool", "2.1.0")
    app.add(BackfillEtaCommand())
    return app.run()


if __name__ == "__main__":
    main()

import json

from elastalert.alerts import Alerter, BasicMatchString
from elastalert.util import elastalert_logger

from .db import IS_SILENCED, OPEN_TICKET, engine


class OncallTicketAlerter(Alerter):
    """Opens a ticket in the on-call DB. ElastAlert calls alert() every time the rule fires."""

    required_options = frozenset(["oncall_team"])

    def alert(self, matches):
        team = self.rule["oncall_team"]
        conn = engine.connect()
        silenced = conn.execute(IS_SILENCED, {"team": team, "rule": self.rule["name"]}).first()
        if silenced:
            elastalert_logger.info("rule %s silenced for %s", self.rule["name"], team)
            return
        for match in matches:
            summary = str(BasicMatchString(self.rule, match))[:1000]
            conn.execute(
                OPEN_TICKET,
                {
                    "team": team,
                    "rule_name": self.rule["name"],
                    "summary": summary,
                    "payload": json.dumps(match, default=str),
                    "owner": match.get("asset_owner"),
                },
            )
        conn.commit()
        elastalert_logger.info("opened %d ticket(s) for %s", len(matches), team)

    def get_info(self):
        return {"type": "oncall_ticket", "oncall_team": self.rule["oncall_team"]}

import os

from webex_bot.models.command import Command

from oncall_bot.clients import Services

PD_EVENTS_URL = "https://events.pagerduty.com/v2/enqueue"


def _domain(activity) -> str:
    return activity["actor"]["emailAddress"].split("@", 1)[1].lower()


class OnCallCommand(Command):
    def __init__(self, services: Services):
        super().__init__(command_keyword="oncall", help_message="Who is on call for a team: oncall <team>")
        self.services = services

    def execute(self, message, attachment_actions, activity):
        team = message.strip() or "platform"
        with self.services.roster_pool.connection() as conn:
            row = conn.execute(
                "SELECT engineer, phone FROM rotations WHERE team = %s "
                "AND now() BETWEEN starts_at AND ends_at",
                (team,),
            ).fetchone()
        if row is None:
            return f"Nobody is on call for **{team}** right now."
        return f"On call for **{team}**: {row[0]} ({row[1]})"


class IncidentsCommand(Command):
    def __init__(self, services: Services):
        super().__init__(command_keyword="incidents", help_message="Open incidents for your organisation")
        self.services = services

    def execute(self, message, attachment_actions, activity):
        try:
            es = self.services.search.for_domain(_domain(activity))
        except KeyError:
            return "Your organisation is not onboarded yet."
        hits = es.search(
            index="incidents",
            query={"bool": {"filter": [{"term": {"status": "open"}}]}},
            sort=[{"opened_at": "desc"}],
            size=5,
        )["hits"]["hits"]
        if not hits:
            return "No open incidents."
        return "\n".join(f"- {h['_source']['title']} (sev{h['_source']['severity']})" for h in hits)


class PageCommand(Command):
    def __init__(self, services: Services):
        super().__init__(command_keyword="page", help_message="Page the on-call engineer: page <summary>")
        self.services = services

    def execute(self, message, attachment_actions, activity):
        summary = message.strip()
        if not summary:
            return "Usage: page <summary>"
        resp = self.services.pagerduty.post(
            PD_EVENTS_URL,
            json={
                "routing_key": os.environ["PD_ROUTING_KEY"],
                "event_action": "trigger",
                "payload": {
                    "summary": summary,
                    "source": activity["actor"]["emailAddress"],
                    "severity": "error",
                },
            },
            timeout=5,
        )
        return "Paged." if resp.status_code == 202 else f"PagerDuty said {resp.status_code}"

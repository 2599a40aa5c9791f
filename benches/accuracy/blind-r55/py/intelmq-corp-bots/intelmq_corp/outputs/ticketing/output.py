"""Ticketing output

Opens a ticket in the SOC queue of the internal ticketing system for every
event whose asset criticality is at or above ``min_criticality``.
"""
from intelmq.lib.bot import OutputBot
from intelmq.lib.exceptions import ConfigurationError
from intelmq.lib.utils import create_request_session

LEVELS = {"low": 0, "medium": 1, "high": 2, "critical": 3}


class TicketingOutputBot(OutputBot):
    """Create SOC tickets for relevant events"""
    api_url: str = "https://tickets.internal/api/v1"
    api_token: str = None
    queue: str = "SOC"
    min_criticality: str = "high"

    _threshold = 2

    def init(self):
        if not self.api_token:
            raise ConfigurationError("ticketing", "api_token is required")
        if self.min_criticality not in LEVELS:
            raise ConfigurationError("ticketing", f"unknown criticality {self.min_criticality!r}")
        self._threshold = LEVELS[self.min_criticality]

    def process(self):
        event = self.receive_message()
        criticality = event.get("extra.asset.criticality") or "low"
        if LEVELS.get(criticality, 0) < self._threshold:
            self.acknowledge_message()
            return

        payload = {
            "queue": self.queue,
            "title": f"[{event.get('classification.taxonomy', 'other')}] "
                     f"{event.get('classification.type', 'unknown')} on {event.get('source.ip')}",
            "owner_team": event.get("extra.asset.owner"),
            "priority": criticality,
            "body": event.to_dict(hierarchical=False),
        }
        session = create_request_session(self)
        session.headers["Authorization"] = f"Token {self.api_token}"
        response = session.post(f"{self.api_url}/tickets", json=payload)
        if response.status_code >= 500:
            # keep the message in the queue, IntelMQ retries according to error_max_retries
            response.raise_for_status()
        if response.status_code >= 400:
            self.logger.error("Ticket rejected: %s %s.", response.status_code, response.text[:200])
        else:
            self.logger.debug("Created ticket %s.", response.json().get("id"))
        self.acknowledge_message()


BOT = TicketingOutputBot

from dataclasses import dataclass


@dataclass
class EventContext:
    """Built for every event; only carries references, never opens anything."""

    kind: str
    payload: dict
    services: object

    @property
    def tracking_no(self):
        return self.payload["tracking_no"]

"""Ursina entities for the interactive fossil exhibit."""
import time

from sqlalchemy import text
from ursina import Entity, Text, color, held_keys, time as utime

from services import CMS_API, Services

IDLE_RESET_SECONDS = 90


class FossilViewer(Entity):
    def __init__(self, services: Services, specimens, **kwargs):
        super().__init__(model="cube", color=color.light_gray, scale=2, **kwargs)
        self.services = services
        self.specimens = specimens
        self.index = 0
        self.last_input = time.monotonic()
        self.caption = Text(text="", origin=(0, 0), y=-0.4, scale=1.4)
        self.show(0)

    def show(self, index: int) -> None:
        self.index = index % len(self.specimens)
        specimen = self.specimens[self.index]
        self.caption.text = f"{specimen['name']} - {specimen['period']}"

    def update(self):
        # Runs every frame: only rotation and the idle timer, no I/O.
        self.rotation_y += (held_keys["d"] - held_keys["a"]) * 60 * utime.dt
        if time.monotonic() - self.last_input > IDLE_RESET_SECONDS and self.index != 0:
            self.show(0)

    def input(self, key):
        self.last_input = time.monotonic()
        if key == "right arrow":
            self.show(self.index + 1)
            self.record_view()
        elif key == "left arrow":
            self.show(self.index - 1)
            self.record_view()

    def record_view(self) -> None:
        specimen = self.specimens[self.index]
        with self.services.Session.begin() as session:
            session.execute(
                text("INSERT INTO specimen_views (specimen_id, viewed_at) VALUES (:id, now())"),
                {"id": specimen["id"]},
            )


def load_specimens(services: Services):
    resp = services.http.get(f"{CMS_API}/exhibits/fossils/specimens", timeout=10)
    resp.raise_for_status()
    return resp.json()["specimens"]

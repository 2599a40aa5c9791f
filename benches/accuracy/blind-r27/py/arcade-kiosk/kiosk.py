"""Lobby kiosk: arcade window showing today's visitors and free meeting rooms."""
import logging
from concurrent.futures import ThreadPoolExecutor

import arcade

import feed
from services import build_services

SCREEN_WIDTH, SCREEN_HEIGHT = 1280, 720
REFRESH_EVERY = 30.0

log = logging.getLogger("kiosk")


class KioskWindow(arcade.Window):
    def __init__(self, services):
        super().__init__(SCREEN_WIDTH, SCREEN_HEIGHT, "Lobby", fullscreen=False)
        arcade.set_background_color(arcade.color.DARK_SLATE_GRAY)
        self.services = services
        self.executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kiosk-feed")
        self.pending = None
        self.data = {"visitors": [], "rooms": []}
        self.since_refresh = REFRESH_EVERY
        self.selected = 0

    def on_update(self, delta_time):
        self.since_refresh += delta_time
        if self.pending is not None and self.pending.done():
            try:
                self.data = self.pending.result()
            except Exception:
                log.exception("refresh failed")
            self.pending = None
        if self.since_refresh >= REFRESH_EVERY and self.pending is None:
            self.since_refresh = 0.0
            self.pending = self.executor.submit(feed.snapshot, self.services)

    def on_draw(self):
        self.clear()
        arcade.draw_text("Today's visitors", 40, SCREEN_HEIGHT - 60, arcade.color.WHITE, 28, bold=True)
        y = SCREEN_HEIGHT - 110
        for i, v in enumerate(self.data["visitors"][:12]):
            marker = ">" if i == self.selected else " "
            status = "in" if v["checked_in_at"] else v["expected_at"].strftime("%H:%M")
            arcade.draw_text(f"{marker} {v['visitor_name']} -> {v['host_name']}  [{status}]",
                             40, y, arcade.color.LIGHT_GRAY, 18)
            y -= 36
        arcade.draw_text("Rooms", 820, SCREEN_HEIGHT - 60, arcade.color.WHITE, 28, bold=True)
        y = SCREEN_HEIGHT - 110
        for r in self.data["rooms"]:
            colour = arcade.color.GREEN if r["free"] else arcade.color.RED
            arcade.draw_text(r["name"], 820, y, colour, 18)
            y -= 36

    def on_key_press(self, key, modifiers):
        visitors = self.data["visitors"]
        if key == arcade.key.DOWN and visitors:
            self.selected = min(self.selected + 1, len(visitors) - 1)
        elif key == arcade.key.UP:
            self.selected = max(self.selected - 1, 0)
        elif key == arcade.key.ENTER and visitors:
            feed.check_in(self.services, visitors[self.selected]["id"])
            self.since_refresh = REFRESH_EVERY
        elif key == arcade.key.ESCAPE:
            self.close()

    def on_close(self):
        self.executor.shutdown(wait=False, cancel_futures=True)
        super().on_close()


def main():
    logging.basicConfig(level=logging.INFO)
    services = build_services()
    try:
        KioskWindow(services)
        arcade.run()
    finally:
        services.close()


if __name__ == "__main__":
    main()

"""Play the station stream forever and scrobble every title change."""
import logging
import os

import httpx
import mpv

from scrobbler.scrobble import Scrobbler
from scrobbler.store import make_pool

STREAM_URL = os.environ.get("STREAM_URL", "https://stream.example-radio.net/live.aac")
STATION = os.environ.get("STATION", "lobby")
STATION_API = os.environ.get("STATION_API", "https://api.example-radio.net/v1")


def main():
    logging.basicConfig(level=logging.INFO)

    pool = make_pool()
    http = httpx.Client(
        base_url=STATION_API,
        timeout=5.0,
        headers={"Authorization": f"Bearer {os.environ.get('STATION_TOKEN', '')}"},
    )
    scrobbler = Scrobbler(pool, http, STATION)

    player = mpv.MPV(video=False, ytdl=False, loop_playlist="inf", log_handler=print, loglevel="warn")
    player.observe_property("media-title", scrobbler.on_title)

    @player.event_callback("end-file")
    def _end_file(event):
        scrobbler.on_end_file(event)

    player.playlist_append(STREAM_URL)
    player.playlist_pos = 0
    try:
        player.wait_for_shutdown()
    finally:
        player.terminate()
        http.close()
        pool.close()


if __name__ == "__main__":
    main()

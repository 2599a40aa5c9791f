"""Live-chat moderation assistant for a YouTube stream.

Usage: python -m bot.main <video_id>
Runs for the length of the stream (often 6+ hours), handling every chat item.
"""
import logging
import sys
import time

import pytchat

from bot import moderation

log = logging.getLogger("modbot")


def watch(video_id):
    chat = pytchat.create(video_id=video_id, interruptable=False)
    handled = 0
    while chat.is_alive():
        for item in chat.get().sync_items():
            try:
                moderation.handle(video_id, item)
            except Exception:
                log.exception("failed to handle chat item %s", item.id)
            handled += 1
        if handled and handled % 1000 == 0:
            log.info("%s chat items handled", handled)
    try:
        chat.raise_for_status()
    except pytchat.ChatDataFinished:
        log.info("stream %s ended", video_id)
    except Exception:
        log.exception("chat stream for %s died", video_id)
        return False
    return True


def main():
    logging.basicConfig(level=logging.INFO)
    if len(sys.argv) != 2:
        raise SystemExit("usage: python -m bot.main <video_id>")
    video_id = sys.argv[1]
    while not watch(video_id):
        time.sleep(15)


if __name__ == "__main__":
    main()

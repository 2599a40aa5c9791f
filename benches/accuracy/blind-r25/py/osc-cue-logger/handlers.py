"""OSC message handlers: cue GO / fader / standby messages from the lighting desks."""

import logging
import time

from sqlalchemy import text

log = logging.getLogger("osc.handlers")


class CueHandlers:
    """Bound methods are mapped on the dispatcher; one instance for the server."""

    def __init__(self, Session, venues):
        self.Session = Session
        self.venues = venues

    def on_cue_go(self, address, *args):
        # /venue/<name>/cue/go  <cue_list:int> <cue:float>
        venue = address.split("/")[2]
        cue_list, cue = int(args[0]), float(args[1])
        with self.Session.begin() as session:
            session.execute(
                text(
                    "INSERT INTO cue_log (venue, cue_list, cue, fired_at) "
                    "VALUES (:venue, :cue_list, :cue, now())"
                ),
                {"venue": venue, "cue_list": cue_list, "cue": cue},
            )
        self.venues.for_venue(venue).hset(
            "show:current", mapping={"cue_list": cue_list, "cue": cue, "at": time.time()}
        )

    def on_fader(self, address, *args):
        # /venue/<name>/fader/<n>  <level:float>
        parts = address.split("/")
        venue, fader = parts[2], parts[4]
        self.venues.for_venue(venue).hset("show:faders", fader, round(float(args[0]), 3))

    def on_standby(self, address, *args):
        venue = address.split("/")[2]
        with self.Session() as session:
            next_cue = session.execute(
                text(
                    "SELECT label FROM cue_sheet WHERE venue = :venue AND cue > :cue "
                    "ORDER BY cue LIMIT 1"
                ),
                {"venue": venue, "cue": float(args[0])},
            ).scalar_one_or_none()
        self.venues.for_venue(venue).set("show:standby", next_cue or "", ex=120)

    def unknown(self, address, *args):
        log.debug("ignored %s %r", address, args)

"""mido input callback. Runs on mido's callback thread once per MIDI message."""
import logging

log = logging.getLogger(__name__)

CUE_SQL = (
    "INSERT INTO cue_execution (venue, cue_number, velocity, executed_at) "
    "VALUES (%s, %s, %s, now())"
)


class MidiHandler:
    def __init__(self, pool, venues):
        self._pool = pool
        self._venues = venues

    def __call__(self, msg):
        venue = self._venues.venue_for_channel(msg.channel) if hasattr(msg, "channel") else None
        if venue is None:
            return
        if msg.type == "note_on" and msg.velocity > 0:
            self._record_cue(venue, msg.note, msg.velocity)
        elif msg.type == "control_change":
            level = round(msg.value / 127 * 100)
            self._venues.client(msg.channel).hset("faders:" + venue, str(msg.control), level)

    def _record_cue(self, venue, cue, velocity):
        try:
            with self._pool.connection() as conn:
                conn.execute(CUE_SQL, (venue, cue, velocity))
        except Exception:
            log.exception("could not record cue %s in %s", cue, venue)

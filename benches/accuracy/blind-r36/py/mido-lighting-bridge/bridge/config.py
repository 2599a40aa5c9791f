import json
import os

DATABASE_DSN = os.environ.get("BRIDGE_DATABASE_DSN",
                              "host=pg-venues.internal dbname=venues user=bridge")
MIDI_PORT = os.environ.get("BRIDGE_MIDI_PORT", "grandMA3 onPC 0")

# MIDI channel (0-15) -> venue id and the Redis instance that venue's panels read.
VENUES = json.loads(os.environ.get("BRIDGE_VENUES", json.dumps({
    "0": {"venue": "main-hall", "redis": "redis://redis-mainhall.internal:6379/0"},
    "1": {"venue": "studio-b", "redis": "redis://redis-studiob.internal:6379/0"},
    "2": {"venue": "foyer", "redis": "redis://redis-foyer.internal:6379/0"},
})))

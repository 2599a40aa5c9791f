"""Static configuration for one packing line cabinet."""
import os
import socket

# one cabinet per packing line; the hostname is the line id by convention
LINE_ID = os.environ.get("LINE_ID", socket.gethostname())
SHIFT_TZ = os.environ.get("SHIFT_TZ", "Europe/Berlin")

# BCM pin numbers
PHOTO_EYE_PIN = int(os.environ.get("PHOTO_EYE_PIN", "17"))
ANDON_BUTTON_PIN = int(os.environ.get("ANDON_BUTTON_PIN", "27"))
GUARD_DOOR_PIN = int(os.environ.get("GUARD_DOOR_PIN", "22"))
BEACON_PIN = int(os.environ.get("BEACON_PIN", "23"))

DATABASE_URL = os.environ.get(
    "DATABASE_URL", "postgresql://linecount@mes-db.plant.local:5432/mes"
)
REDIS_HOST = os.environ.get("REDIS_HOST", "mes-redis.plant.local")
REDIS_PORT = int(os.environ.get("REDIS_PORT", "6379"))

ANDON_WEBHOOK = os.environ.get(
    "ANDON_WEBHOOK", "https://chat.plant.local/hooks/andon-line"
)

# how often main() writes the cabinet heartbeat row
HEARTBEAT_SECONDS = int(os.environ.get("HEARTBEAT_SECONDS", "30"))

# debounce windows handed to GPIO.add_event_detect(bouncetime=...)
PART_BOUNCE_MS = 40
BUTTON_BOUNCE_MS = 300
DOOR_BOUNCE_MS = 200

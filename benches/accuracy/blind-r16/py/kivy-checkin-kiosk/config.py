import os

MYSQL = dict(
    host=os.environ.get("MYSQL_HOST", "10.0.0.12"),
    user=os.environ.get("MYSQL_USER", "kiosk"),
    password=os.environ.get("MYSQL_PASSWORD", ""),
    database=os.environ.get("MYSQL_DB", "events"),
)
QUEUE_API = os.environ.get("QUEUE_API", "https://queue.example-events.com/api")
BADGE_API = os.environ.get("BADGE_API", "https://badges.example-events.com")
KIOSK_ID = os.environ.get("KIOSK_ID", "hall-a-1")

import os

MONGO_URI = os.environ.get("MONGO_URI", "mongodb://localhost:27017/?appName=voice-notes")
MONGO_DB = os.environ.get("MONGO_DB", "shopfloor")
WEBHOOK_BASE = os.environ.get("NOTES_WEBHOOK_BASE", "https://chat.example.com/hooks")
WEBHOOK_TOKEN = os.environ.get("NOTES_WEBHOOK_TOKEN", "")
STATION = os.environ.get("STATION_ID", "line-3")
LANGUAGE = os.environ.get("SPEECH_LANGUAGE", "en-US")
TRIGGER_WORDS = ("note", "issue", "defect", "maintenance")

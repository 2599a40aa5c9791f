import os

API_ID = int(os.environ["TG_API_ID"])
API_HASH = os.environ["TG_API_HASH"]
BOT_TOKEN = os.environ["TG_BOT_TOKEN"]
MONGO_URL = os.environ.get("MONGO_URL", "mongodb://mongo:27017")
REDIS_URL = os.environ.get("REDIS_URL", "redis://redis:6379/0")
HELPDESK_API = os.environ.get("HELPDESK_API", "https://desk.example.com/api/v1")
HELPDESK_TOKEN = os.environ.get("HELPDESK_TOKEN", "")
STAFF_CHAT_ID = int(os.environ.get("STAFF_CHAT_ID", "0"))

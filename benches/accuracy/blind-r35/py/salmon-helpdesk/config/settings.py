# Salmon settings for the helpdesk mail gateway.
import os

relay_config = {"host": os.environ.get("SMTP_RELAY_HOST", "localhost"), "port": 25}

receiver_config = {"host": "0.0.0.0", "port": int(os.environ.get("SALMON_PORT", "8823"))}

handlers = ["app.handlers.support"]

router_defaults = {"host": os.environ.get("HELPDESK_DOMAIN", "help\\.example\\.com")}

queue_config = {"queue": "run/deferred", "sleep": 10}

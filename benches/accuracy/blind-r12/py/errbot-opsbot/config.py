import logging
import os

BACKEND = "SlackV3"
BOT_DATA_DIR = os.environ.get("BOT_DATA_DIR", "/var/lib/errbot/data")
BOT_EXTRA_PLUGIN_DIR = os.path.join(os.path.dirname(__file__), "plugins")
BOT_LOG_FILE = None
BOT_LOG_LEVEL = logging.INFO
BOT_IDENTITY = {"token": os.environ.get("SLACK_BOT_TOKEN", ""), "app_token": os.environ.get("SLACK_APP_TOKEN", "")}
BOT_ADMINS = ("@sre-lead",)
BOT_PREFIX = "!"

import os

SLACK_APP_TOKEN = os.environ["SLACK_APP_TOKEN"]
SLACK_BOT_TOKEN = os.environ["SLACK_BOT_TOKEN"]

PLUGINS = (
    "oncall.plugins.pager.PagerPlugin",
)

# read by PagerPlugin.init()
ONCALL_DSN = os.environ.get(
    "ONCALL_DSN", "postgresql://oncall_bot@pgbouncer.internal:6432/oncall"
)
PAGER_API = os.environ.get("PAGER_API", "https://pager.internal/api")
PAGER_TOKEN = os.environ.get("PAGER_TOKEN", "")
ONCALL_CHANNEL = os.environ.get("ONCALL_CHANNEL", "#ops-oncall")

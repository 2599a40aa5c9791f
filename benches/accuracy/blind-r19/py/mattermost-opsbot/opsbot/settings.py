import os

MATTERMOST_URL = os.environ.get("MATTERMOST_URL", "https://chat.example.com")
BOT_TOKEN = os.environ["MATTERMOST_BOT_TOKEN"]
BOT_TEAM = os.environ.get("MATTERMOST_TEAM", "platform")
OPS_DSN = os.environ.get("OPS_DSN", "dbname=ops user=opsbot host=ops-db")
REDIS_URL = os.environ.get("REDIS_URL", "redis://redis:6379/3")
JENKINS_URL = os.environ.get("JENKINS_URL", "https://jenkins.example.com")
JENKINS_USER = os.environ.get("JENKINS_USER", "opsbot")
JENKINS_TOKEN = os.environ.get("JENKINS_TOKEN", "")

import logging.config
import os

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "formatter": "plain"},
        "audit": {
            "()": "logship.handlers.MongoAuditHandler",
            "uri": os.environ.get("AUDIT_MONGO_URI", "mongodb://localhost:27017"),
        },
        "slack": {
            "()": "logship.handlers.SlackAlertHandler",
            "webhook_url": os.environ.get("SLACK_WEBHOOK_URL", "https://hooks.slack.com/services/T000/B000/XXX"),
            "formatter": "plain",
        },
        "tail": {
            "()": "logship.handlers.RedisStreamHandler",
            "url": os.environ.get("REDIS_URL", "redis://localhost:6379/0"),
        },
    },
    "root": {"level": "INFO", "handlers": ["console", "audit", "slack", "tail"]},
}


def configure() -> None:
    logging.config.dictConfig(LOGGING)

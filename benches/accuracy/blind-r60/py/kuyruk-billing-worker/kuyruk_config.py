import os

RABBIT_HOST = os.environ.get("RABBIT_HOST", "rabbitmq")
RABBIT_PORT = int(os.environ.get("RABBIT_PORT", "5672"))
RABBIT_VIRTUAL_HOST = "/billing"
RABBIT_USER = os.environ.get("RABBIT_USER", "billing")
RABBIT_PASSWORD = os.environ.get("RABBIT_PASSWORD", "billing")
WORKER_MAX_LOAD = 8
WORKER_MAX_RUN_TIME = 3600

import os

EVENTHUB_CONN = os.environ["EVENTHUB_CONNECTION_STRING"]
EVENTHUB_NAME = os.environ.get("EVENTHUB_NAME", "meter-readings")
CONSUMER_GROUP = os.environ.get("CONSUMER_GROUP", "ingest")
CHECKPOINT_CONN = os.environ["CHECKPOINT_STORAGE_CONNECTION_STRING"]
CHECKPOINT_CONTAINER = os.environ.get("CHECKPOINT_CONTAINER", "eh-checkpoints")
ATTACHMENTS_CONN = os.environ["ATTACHMENTS_STORAGE_CONNECTION_STRING"]
COSMOS_URL = os.environ["COSMOS_URL"]
COSMOS_KEY = os.environ["COSMOS_KEY"]
PG_DSN = os.environ.get("PG_DSN", "host=pg dbname=metering user=ingest")

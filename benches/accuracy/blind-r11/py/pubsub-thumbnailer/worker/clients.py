import os
from functools import lru_cache

from google.cloud import firestore, pubsub_v1

PROJECT = os.environ.get("GOOGLE_CLOUD_PROJECT", "acme-media")


@lru_cache(maxsize=1)
def publisher() -> pubsub_v1.PublisherClient:
    return pubsub_v1.PublisherClient()


def firestore_db() -> firestore.Client:
    return firestore.Client(project=PROJECT, database=os.environ.get("FIRESTORE_DB", "(default)"))

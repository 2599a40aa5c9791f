"""MongoEngine documents. connect() registers the default alias once, when the archive
runner first imports this module; documents reuse that client for every save."""
from datetime import datetime, timezone

from mongoengine import DateTimeField, Document, ListField, StringField, connect

from mailman_searcharchive.settings import MONGO_URI

connect(host=MONGO_URI, alias="default", serverSelectionTimeoutMS=5000, maxPoolSize=10)


class ArchivedMessage(Document):
    list_id = StringField(required=True)
    message_id_hash = StringField(required=True, unique_with="list_id")
    subject = StringField()
    sender = StringField()
    body = StringField()
    references = ListField(StringField())
    archived_at = DateTimeField(default=lambda: datetime.now(timezone.utc))

    meta = {"indexes": ["list_id", "-archived_at"]}

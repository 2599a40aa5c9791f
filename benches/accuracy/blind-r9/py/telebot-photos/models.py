import datetime as dt
import os

from peewee import BigIntegerField, CharField, DateTimeField, ForeignKeyField, Model
from playhouse.pool import PooledPostgresqlDatabase

db = PooledPostgresqlDatabase(
    os.environ.get("PG_DB", "photos"),
    host=os.environ.get("PG_HOST", "localhost"),
    user=os.environ.get("PG_USER", "photos"),
    password=os.environ.get("PG_PASSWORD"),
    max_connections=8,
    stale_timeout=300,
)


class BaseModel(Model):
    class Meta:
        database = db


class Chat(BaseModel):
    chat_id = BigIntegerField(unique=True)
    language = CharField(default="en")


class Photo(BaseModel):
    chat = ForeignKeyField(Chat, backref="photos")
    s3_key = CharField()
    uploaded_at = DateTimeField(default=dt.datetime.utcnow)

from py4web import Session
from py4web.utils.auth import Auth
from pydal import DAL, Field

from . import settings

db = DAL(settings.DB_URI, folder=settings.DB_FOLDER, pool_size=settings.DB_POOL_SIZE, migrate=False)

db.define_table(
    "ticket",
    Field("subject"),
    Field("requester"),
    Field("priority", "integer", default=3),
    Field("status", default="open"),
    Field("escalated_on", "datetime"),
)

session = Session(secret=settings.SESSION_SECRET)
auth = Auth(session, db, define_tables=True)
auth.enable()

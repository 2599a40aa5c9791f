"""Persistence of transcribed notes."""
import datetime as dt

from pymongo import MongoClient

from voicenotes.config import MONGO_DB, MONGO_URI, STATION


class NoteWriter:
    def __init__(self, station=STATION):
        self.station = station
        self.client = MongoClient(MONGO_URI, serverSelectionTimeoutMS=3000)
        self.notes = self.client[MONGO_DB]["voice_notes"]

    def save(self, text, kind):
        doc = {
            "station": self.station,
            "kind": kind,
            "text": text,
            "created_at": dt.datetime.now(dt.timezone.utc),
        }
        return self.notes.insert_one(doc).inserted_id

    def recent(self, limit=5):
        return list(
            self.notes.find({"station": self.station}).sort("created_at", -1).limit(limit)
        )

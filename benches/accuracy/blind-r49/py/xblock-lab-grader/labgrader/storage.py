"""Submission history for the lab grader."""
import os
from datetime import datetime, timezone

from pymongo import DESCENDING, MongoClient

MONGO_URI = os.environ.get("LABGRADER_MONGO_URI", "mongodb://mongo.edx.internal:27017")

_client = MongoClient(MONGO_URI, appname="labgrader-storage", serverSelectionTimeoutMS=3000)
submissions = _client["labgrader"]["submissions"]


def save_submission(lab_id: str, user_id, source: str, score: float, feedback: str) -> None:
    submissions.insert_one(
        {
            "lab_id": lab_id,
            "user_id": user_id,
            "source": source,
            "score": score,
            "feedback": feedback,
            "submitted_at": datetime.now(timezone.utc),
        }
    )


def recent_submissions(lab_id: str, user_id, limit: int = 5) -> list[dict]:
    cursor = (
        submissions.find({"lab_id": lab_id, "user_id": user_id}, {"_id": 0, "score": 1, "submitted_at": 1})
        .sort("submitted_at", DESCENDING)
        .limit(limit)
    )
    return list(cursor)

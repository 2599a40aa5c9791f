import os
import threading

import boto3
import requests
from pymongo import MongoClient

MONGO_URI = os.environ.get("MONGO_URI", "mongodb://localhost:27017/pantry")
RECIPES_API = os.environ.get("RECIPES_API", "https://api.recipes.example.com")

mongo = MongoClient(MONGO_URI, appname="pantry-skill", serverSelectionTimeoutMS=3000)
pantry = mongo.get_default_database()["items"]

_http = None
_http_lock = threading.Lock()


def recipes_http() -> requests.Session:
    global _http
    if _http is None:
        with _http_lock:
            if _http is None:
                session = requests.Session()
                session.headers["x-api-key"] = os.environ["RECIPES_API_KEY"]
                _http = session
    return _http


def pantry_events_table():
    """Audit trail of pantry changes (read by the household dashboard)."""
    dynamodb = boto3.resource("dynamodb", region_name=os.environ.get("AWS_REGION", "us-east-1"))
    return dynamodb.Table(os.environ.get("EVENTS_TABLE", "pantry-events"))

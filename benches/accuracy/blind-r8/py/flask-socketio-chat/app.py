import os
from datetime import datetime, timedelta, timezone

import redis
from flask import Flask, jsonify, request
from flask_socketio import SocketIO, emit, join_room, leave_room
from pymongo import DESCENDING, MongoClient

from store import save_message

MONGO_URL = os.environ.get("MONGO_URL", "mongodb://localhost:27017")
REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
socketio = SocketIO(app, message_queue=REDIS_URL, cors_allowed_origins="*")

mongo = MongoClient(MONGO_URL, maxPoolSize=20)
messages = mongo.chat.messages


@app.get("/rooms/<room>/history")
def history(room):
    limit = min(int(request.args.get("limit", 50)), 200)
    docs = messages.find({"room": room}, {"_id": 0}).sort("ts", DESCENDING).limit(limit)
    return jsonify([{**d, "ts": d["ts"].isoformat()} for d in docs])


@socketio.on("join")
def on_join(data):
    room, user = data["room"], data["user"]
    join_room(room)
    presence = redis.Redis.from_url(REDIS_URL)
    presence.sadd(f"presence:{room}", user)
    presence.set(f"seen:{user}", datetime.now(timezone.utc).isoformat())
    emit("joined", {"user": user}, to=room)


@socketio.on("leave")
def on_leave(data):
    leave_room(data["room"])
    emit("left", {"user": data["user"]}, to=data["room"])


@socketio.on("send_message")
def on_send_message(data):
    doc = {
        "room": data["room"],
        "user": data["user"],
        "text": data["text"][:2000],
        "ts": datetime.now(timezone.utc),
    }
    save_message(dict(doc))
    emit("message", {**doc, "ts": doc["ts"].isoformat()}, to=data["room"])


def presence_sweeper():
    """Drop users not seen for five minutes from every room's presence set."""
    while True:
        socketio.sleep(30)
        r = redis.Redis.from_url(REDIS_URL, decode_responses=True)
        cutoff = datetime.now(timezone.utc) - timedelta(minutes=5)
        for key in r.scan_iter("presence:*"):
            for user in r.smembers(key):
                seen = r.get(f"seen:{user}")
                if seen is None or datetime.fromisoformat(seen) < cutoff:
                    r.srem(key, user)
                    socketio.emit("left", {"user": user}, to=key.split(":", 1)[1])


if __name__ == "__main__":
    socketio.start_background_task(presence_sweeper)
    socketio.run(app, host="0.0.0.0", port=int(os.environ.get("PORT", 5000)))

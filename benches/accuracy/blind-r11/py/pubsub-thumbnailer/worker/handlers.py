import io
import json
import logging

from google.cloud import firestore, storage
from google.cloud.pubsub_v1.subscriber.message import Message
from PIL import Image
from sqlalchemy import text

from .clients import PROJECT, firestore_db, publisher
from .db import SessionLocal

log = logging.getLogger("thumbnailer")
SIZES = (160, 480, 1080)
DONE_TOPIC = f"projects/{PROJECT}/topics/thumbnails-ready"


def _resize(data: bytes, width: int) -> bytes:
    img = Image.open(io.BytesIO(data))
    img.thumbnail((width, width * 4))
    out = io.BytesIO()
    img.convert("RGB").save(out, format="JPEG", quality=82)
    return out.getvalue()


def handle_upload(message: Message) -> None:
    event = json.loads(message.data)
    bucket_name, name = event["bucket"], event["name"]
    if not name.startswith("uploads/"):
        message.ack()
        return

    gcs = storage.Client(project=PROJECT)
    src = gcs.bucket(bucket_name).blob(name)
    original = src.download_as_bytes()

    outputs = {}
    for width in SIZES:
        dest_name = f"thumbs/{width}/{name.removeprefix('uploads/')}"
        gcs.bucket(bucket_name).blob(dest_name).upload_from_string(_resize(original, width), content_type="image/jpeg")
        outputs[str(width)] = dest_name

    session = SessionLocal()
    session.execute(
        text("UPDATE media_assets SET thumbnails = :t, status = 'ready' WHERE object_name = :n"),
        {"t": json.dumps(outputs), "n": name},
    )
    session.commit()

    db = firestore_db()
    db.collection("assets").document(event["id"]).set(
        {"thumbnails": outputs, "updatedAt": firestore.SERVER_TIMESTAMP}, merge=True
    )

    publisher().publish(DONE_TOPIC, json.dumps({"name": name, "thumbnails": outputs}).encode())
    message.ack()


def handle_delete(message: Message) -> None:
    event = json.loads(message.data)
    with SessionLocal() as session, session.begin():
        session.execute(
            text("UPDATE media_assets SET status = 'deleted' WHERE object_name = :n"),
            {"n": event["name"]},
        )
    message.ack()

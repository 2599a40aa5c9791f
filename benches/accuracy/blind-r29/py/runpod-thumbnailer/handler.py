"""RunPod serverless worker: renders thumbnails for uploaded media."""
import io
import os
import time

import httpx
import runpod
from PIL import Image
from sqlalchemy import text

from clients import engine, get_s3, put_metric

BUCKET = os.environ.get("MEDIA_BUCKET", "media-prod")
CALLBACK_TOKEN = os.environ.get("CALLBACK_TOKEN", "")
SIZES = [(128, 128), (512, 512), (1280, 720)]


def render(data: bytes, size):
    img = Image.open(io.BytesIO(data))
    img.thumbnail(size)
    out = io.BytesIO()
    img.convert("RGB").save(out, format="JPEG", quality=85)
    return out.getvalue()


async def handler(job):
    started = time.monotonic()
    job_input = job["input"]
    media_id = job_input["media_id"]
    key = job_input["key"]

    s3 = get_s3()
    original = s3.get_object(Bucket=BUCKET, Key=key)["Body"].read()

    keys = []
    for width, height in SIZES:
        thumb_key = f"thumbs/{media_id}/{width}x{height}.jpg"
        s3.put_object(
            Bucket=BUCKET, Key=thumb_key, Body=render(original, (width, height)),
            ContentType="image/jpeg",
        )
        keys.append(thumb_key)

    conn = engine.connect()
    conn.execute(
        text("UPDATE media SET thumbs = :thumbs, status = 'ready' WHERE id = :id"),
        {"thumbs": keys, "id": media_id},
    )
    conn.commit()

    callback_url = job_input.get("callback_url")
    if callback_url:
        hooks = httpx.AsyncClient(timeout=10.0, headers={"X-Token": CALLBACK_TOKEN})
        await hooks.post(callback_url, json={"media_id": media_id, "thumbs": keys})

    put_metric("ThumbnailSeconds", time.monotonic() - started, "Seconds")
    return {"media_id": media_id, "thumbs": keys}


runpod.serverless.start({"handler": handler})

"""Faktory job handlers. Built once by make_handlers() and registered with
the worker; the worker calls them once per job."""
import io
import logging

from PIL import Image
from psycopg_pool import ConnectionPool

import storage

log = logging.getLogger(__name__)

SIZES = {"sm": 160, "md": 480, "lg": 1200}


def _resize(original: bytes, edge: int) -> bytes:
    with Image.open(io.BytesIO(original)) as img:
        img = img.convert("RGB")
        img.thumbnail((edge, edge))
        out = io.BytesIO()
        img.save(out, format="WEBP", quality=82)
        return out.getvalue()


def make_handlers(pool: ConnectionPool) -> dict:
    def make_thumbnails(image_id: int) -> None:
        with pool.connection() as conn:
            row = conn.execute(
                "SELECT s3_key FROM product_images WHERE id = %s", (image_id,)
            ).fetchone()
        if row is None:
            log.warning("image %s vanished before thumbnailing", image_id)
            return
        original = storage.download(row[0])
        keys = {}
        for name, edge in SIZES.items():
            key = f"thumbs/{image_id}/{name}.webp"
            storage.upload(key, _resize(original, edge), "image/webp")
            keys[name] = key
        with pool.connection() as conn:
            conn.execute(
                "UPDATE product_images SET thumb_sm = %s, thumb_md = %s, thumb_lg = %s,"
                " thumbs_ready_at = now() WHERE id = %s",
                (keys["sm"], keys["md"], keys["lg"], image_id),
            )

    def purge_image(image_id: int) -> None:
        removed = storage.delete_prefix(f"thumbs/{image_id}/")
        with pool.connection() as conn:
            with conn.transaction():
                conn.execute("DELETE FROM product_images WHERE id = %s", (image_id,))
                conn.execute(
                    "INSERT INTO media_audit (image_id, action, objects) VALUES (%s, 'purge', %s)",
                    (image_id, removed),
                )

    return {"make_thumbnails": make_thumbnails, "purge_image": purge_image}

"""Spooler and timer functions; imported by every uWSGI process via `import =`."""
import io

from PIL import Image
from sqlalchemy import text
from uwsgidecorators import postfork, spool, timer

from . import clients

BUCKET = "media-thumbs"
SIZES = (128, 512)


@postfork
def warm_clients():
    # runs once in each freshly forked process, never per request
    clients.engine()
    clients.s3()
    clients.cache()


@spool(pass_arguments=True)
def make_thumbnails(key, media_id):
    s3 = clients.s3()
    original = s3.get_object(Bucket="media-originals", Key=key)["Body"].read()
    for size in SIZES:
        img = Image.open(io.BytesIO(original))
        img.thumbnail((size, size))
        buf = io.BytesIO()
        img.save(buf, format="WEBP")
        buf.seek(0)
        s3.upload_fileobj(buf, BUCKET, f"{size}/{media_id}.webp")
    with clients.engine().begin() as conn:
        conn.execute(text("UPDATE media SET thumbs_ready = true WHERE id = :id"), {"id": media_id})
    clients.cache().delete(f"media:{media_id}")


@timer(300)
def purge_orphans(signum):
    with clients.engine().connect() as conn:
        ids = conn.execute(text("SELECT id FROM media WHERE deleted_at < now() - interval '1 day'")).scalars().all()
    for media_id in ids:
        clients.s3().delete_objects(
            Bucket=BUCKET,
            Delete={"Objects": [{"Key": f"{s}/{media_id}.webp"} for s in SIZES]},
        )

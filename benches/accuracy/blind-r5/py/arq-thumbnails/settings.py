import os

PG_DSN = os.environ.get("PG_DSN", "postgresql://media:media@localhost:5432/media")
REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/2")
THUMB_BUCKET = os.environ.get("THUMB_BUCKET", "media-thumbs")
AWS_REGION = os.environ.get("AWS_REGION", "eu-west-1")

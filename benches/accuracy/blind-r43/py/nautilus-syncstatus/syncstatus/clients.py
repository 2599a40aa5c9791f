import boto3
import redis

from syncstatus import config

# local redis used as a small status cache shared with the sync daemon
status_cache = redis.Redis.from_url(config.REDIS_URL, decode_responses=True)


def s3_client():
    return boto3.client("s3", region_name=config.REGION)


def object_key(path):
    rel = path[len(config.SYNC_ROOT):].lstrip("/")
    return f"teams/{rel}"

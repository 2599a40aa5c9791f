"""OpenFaaS python3-http function: customer profile read/update.

The of-watchdog keeps this process alive between invocations, so clients are
built once when the module is imported and reused by every call to handle().
"""
import json
import os
import threading
from datetime import datetime, timezone

import boto3
import redis
from bson import ObjectId
from pymongo import MongoClient, ReturnDocument

SECRETS_DIR = "/var/openfaas/secrets"


def _secret(name, default=None):
    try:
        with open(os.path.join(SECRETS_DIR, name)) as fh:
            return fh.read().strip()
    except FileNotFoundError:
        return default


mongo = MongoClient(_secret("mongo-url", "mongodb://mongo:27017"), maxPoolSize=10, appname="faas-profile")
profiles = mongo[os.environ.get("MONGO_DB", "profiles")]["profiles"]
s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))
BUCKET = os.environ.get("AVATAR_BUCKET", "acme-avatars")

_tenant_redis_urls = json.loads(_secret("tenant-redis-urls", "{}"))
_tenant_clients = {}
_tenant_lock = threading.Lock()


def tenant_cache(tenant):
    """One Redis client per tenant (each tenant has its own instance), reused across calls."""
    with _tenant_lock:
        client = _tenant_clients.get(tenant)
        if client is None:
            url = _tenant_redis_urls.get(tenant)
            if url is None:
                raise KeyError(tenant)
            client = redis.Redis.from_url(url, decode_responses=True)
            _tenant_clients[tenant] = client
        return client


def _response(status, payload):
    return {
        "statusCode": status,
        "body": json.dumps(payload, default=str),
        "headers": {"Content-Type": "application/json"},
    }


def _get(tenant, profile_id):
    cache = tenant_cache(tenant)
    cached = cache.get(f"profile:{profile_id}")
    if cached:
        return json.loads(cached)
    doc = profiles.find_one({"_id": ObjectId(profile_id), "tenant": tenant}, {"tenant": 0})
    if doc is None:
        return None
    doc["_id"] = str(doc["_id"])
    if doc.get("avatar_key"):
        doc["avatar_url"] = s3.generate_presigned_url(
            "get_object", Params={"Bucket": BUCKET, "Key": doc["avatar_key"]}, ExpiresIn=900
        )
    cache.set(f"profile:{profile_id}", json.dumps(doc, default=str), ex=120)
    return doc


def _update(tenant, profile_id, changes):
    allowed = {k: v for k, v in changes.items() if k in {"display_name", "locale", "timezone"}}
    allowed["updated_at"] = datetime.now(timezone.utc)
    doc = profiles.find_one_and_update(
        {"_id": ObjectId(profile_id), "tenant": tenant},
        {"$set": allowed},
        projection={"tenant": 0},
        return_document=ReturnDocument.AFTER,
    )
    tenant_cache(tenant).delete(f"profile:{profile_id}")
    if doc is not None:
        doc["_id"] = str(doc["_id"])
    return doc


def handle(event, context):
    tenant = event.headers.get("X-Tenant")
    profile_id = (event.query.get("id") or "").strip()
    if not tenant or not profile_id:
        return _response(400, {"error": "X-Tenant header and ?id= are required"})
    try:
        if event.method == "GET":
            doc = _get(tenant, profile_id)
        elif event.method == "PATCH":
            doc = _update(tenant, profile_id, json.loads(event.body or b"{}"))
        else:
            return _response(405, {"error": "method not allowed"})
    except KeyError:
        return _response(404, {"error": "unknown tenant"})
    if doc is None:
        return _response(404, {"error": "profile not found"})
    return _response(200, doc)

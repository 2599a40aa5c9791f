import json
from datetime import datetime, timezone

import functions_framework
from cloudevents.http import CloudEvent
from google.cloud import firestore, storage

from tenants import bigquery_for

db = firestore.Client()

_storage: storage.Client | None = None


def storage_client() -> storage.Client:
    global _storage
    if _storage is None:
        _storage = storage.Client()
    return _storage


@functions_framework.http
def register_asset(request):
    body = request.get_json(silent=True) or {}
    tenant = request.headers.get("X-Tenant-Id")
    if not tenant or "name" not in body:
        return {"error": "tenant and name are required"}, 400
    ref = db.collection("tenants").document(tenant).collection("assets").document()
    ref.set({"name": body["name"], "status": "pending", "created_at": firestore.SERVER_TIMESTAMP})
    bucket = storage_client().bucket(f"media-{tenant}")
    upload_url = bucket.blob(f"incoming/{ref.id}").generate_signed_url(
        version="v4", expiration=900, method="PUT"
    )
    return {"id": ref.id, "upload_url": upload_url}, 201


@functions_framework.cloud_event
def on_upload(cloud_event: CloudEvent) -> None:
    data = cloud_event.data
    bucket_name, object_name = data["bucket"], data["name"]
    tenant = bucket_name.removeprefix("media-")
    asset_id = object_name.rsplit("/", 1)[-1]

    blob = storage_client().bucket(bucket_name).get_blob(object_name)
    meta = {"size": blob.size, "content_type": blob.content_type, "md5": blob.md5_hash}
    db.collection("tenants").document(tenant).collection("assets").document(asset_id).update(
        {"status": "uploaded", **meta}
    )

    tenant_doc = db.collection("tenants").document(tenant).get().to_dict() or {}
    bq = bigquery_for(tenant_doc.get("billing_project", "media-shared"))
    errors = bq.insert_rows_json(
        f"{tenant_doc.get('dataset', 'media')}.uploads",
        [{"asset_id": asset_id, "tenant": tenant, "at": datetime.now(timezone.utc).isoformat(), "meta": json.dumps(meta)}],
    )
    if errors:
        raise RuntimeError(f"bigquery insert failed: {errors}")

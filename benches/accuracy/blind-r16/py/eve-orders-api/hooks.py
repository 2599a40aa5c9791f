import json
import os

from flask import abort

from integrations import cache, search_for, sns

ORDER_TOPIC_ARN = os.environ.get("ORDER_TOPIC_ARN", "arn:aws:sns:eu-west-1:123456789012:orders")


def check_tenant_quota(request, lookup):
    tenant = request.headers.get("X-Tenant")
    if not tenant:
        abort(400, description="X-Tenant header required")
    hits = cache.incr(f"quota:{tenant}")
    if hits == 1:
        cache.expire(f"quota:{tenant}", 60)
    if hits > 600:
        abort(429)
    lookup["tenant"] = tenant


def index_orders(items):
    for item in items:
        search_for(item["tenant"]).index(
            index="orders",
            id=str(item["_id"]),
            document={"sku": item["sku"], "quantity": item["quantity"], "status": item["status"]},
        )


def publish_created(items):
    for item in items:
        sns().publish(
            TopicArn=ORDER_TOPIC_ARN,
            Message=json.dumps({"id": str(item["_id"]), "tenant": item["tenant"], "sku": item["sku"]}),
            MessageAttributes={"tenant": {"DataType": "String", "StringValue": item["tenant"]}},
        )


def invalidate_cached_order(updates, original):
    cache.delete(f"order:{original['_id']}")

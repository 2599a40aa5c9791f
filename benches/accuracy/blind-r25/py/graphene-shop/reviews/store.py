"""Product reviews live in MongoDB (written by the reviews service)."""

from django.conf import settings
from pymongo import DESCENDING, MongoClient

client = MongoClient(settings.MONGO_URI, appname="shop-graphql-reviews", maxPoolSize=50)
reviews = client[settings.MONGO_DB]["reviews"]


def for_product(sku, limit=20):
    cursor = (
        reviews.find({"sku": sku, "status": "published"}, {"_id": 0, "author": 1, "stars": 1, "body": 1})
        .sort("created_at", DESCENDING)
        .limit(limit)
    )
    return list(cursor)


def rating_summary(sku):
    pipeline = [
        {"$match": {"sku": sku, "status": "published"}},
        {"$group": {"_id": "$sku", "avg": {"$avg": "$stars"}, "count": {"$sum": 1}}},
    ]
    result = list(reviews.aggregate(pipeline))
    if not result:
        return {"avg": None, "count": 0}
    return {"avg": round(result[0]["avg"], 2), "count": result[0]["count"]}

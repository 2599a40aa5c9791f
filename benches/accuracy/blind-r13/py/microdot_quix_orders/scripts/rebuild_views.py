"""One-off: rebuild order_views from the raw order_events archive.

    python -m scripts.rebuild_views --since 2024-01-01
"""
import argparse
from datetime import datetime

from common.clients import make_mongo


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--since", type=datetime.fromisoformat, required=True)
    args = parser.parse_args()

    client = make_mongo("orders-rebuild")
    try:
        db = client["shop"]
        pipeline = [
            {"$match": {"ts": {"$gte": args.since}}},
            {"$sort": {"ts": 1}},
            {"$group": {
                "_id": "$order_id",
                "customer_id": {"$last": "$customer_id"},
                "status": {"$last": "$type"},
                "placed_at": {"$first": "$ts"},
                "updated_at": {"$last": "$ts"},
                "history": {"$push": {"type": "$type", "ts": "$ts"}},
            }},
            {"$merge": {"into": "order_views", "whenMatched": "replace"}},
        ]
        db["order_events"].aggregate(pipeline, allowDiskUse=True)
        print("rebuilt", db["order_views"].estimated_document_count(), "views")
    finally:
        client.close()


if __name__ == "__main__":
    main()

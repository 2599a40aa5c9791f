import datetime as dt

from ariadne import MutationType

from store import catalog_db

mutation = MutationType()


@mutation.field("addReview")
def resolve_add_review(_, info, productId, rating, body):
    if not 1 <= rating <= 5:
        raise ValueError("rating must be between 1 and 5")
    doc = {
        "product_id": int(productId),
        "rating": rating,
        "body": body.strip(),
        "created_at": dt.datetime.now(dt.timezone.utc),
    }
    result = catalog_db.reviews.insert_one(doc)
    return {"id": str(result.inserted_id), "rating": rating, "body": doc["body"]}

from django.conf import settings
from pymongo import MongoClient


def cart_summary(request):
    """Adds the cart badge to every template rendered with a RequestContext."""
    cart_id = request.session.get("cart_id")
    if not cart_id:
        return {"cart_count": 0}
    client = MongoClient(settings.MONGO_URL, serverSelectionTimeoutMS=2000)
    cart = client["shop"]["carts"].find_one({"_id": cart_id}, {"items": 1})
    client.close()
    count = sum(item["qty"] for item in cart["items"]) if cart else 0
    return {"cart_count": count}

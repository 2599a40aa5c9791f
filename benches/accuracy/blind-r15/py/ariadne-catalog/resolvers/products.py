from ariadne import ObjectType, QueryType
from sqlalchemy import select

from db import Product, SessionLocal
from store import fx, mongo_client

query = QueryType()
product_type = ObjectType("Product")


@query.field("product")
def resolve_product(_, info, id):
    if info.context["cache"].sismember("products:hidden", id):
        return None
    session = SessionLocal()
    product = session.get(Product, int(id))
    if product is None:
        return None
    session.close()
    return product


@query.field("products")
def resolve_products(_, info, category=None, limit=20):
    with SessionLocal() as session:
        stmt = select(Product).order_by(Product.name).limit(min(limit, 100))
        if category:
            stmt = stmt.where(Product.category == category)
        return list(session.scalars(stmt))


@product_type.field("priceCents")
def resolve_price_cents(product, info):
    return product.price_cents


@product_type.field("priceIn")
def resolve_price_in(product, info, currency):
    rate = fx.get("/rates", params={"from": "EUR", "to": currency}).json()["rate"]
    return round(product.price_cents / 100 * rate, 2)


@product_type.field("reviews")
def resolve_reviews(product, info):
    reviews = mongo_client().catalog.reviews
    docs = reviews.find({"product_id": product.id}).sort("created_at", -1).limit(50)
    return [{"id": str(d["_id"]), "rating": d["rating"], "body": d["body"]} for d in docs]

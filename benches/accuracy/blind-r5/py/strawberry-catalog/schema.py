import os
from typing import Optional

import redis
import strawberry
from sqlalchemy import select

from database import SessionLocal
from models import Category, Product

REDIS_HOST = os.environ.get("REDIS_HOST", "localhost")


@strawberry.type
class ProductType:
    id: int
    name: str
    price_cents: int


def _to_type(row: Product) -> ProductType:
    return ProductType(id=row.id, name=row.name, price_cents=row.price_cents)


@strawberry.type
class Query:
    @strawberry.field
    def product(self, id: int) -> Optional[ProductType]:
        session = SessionLocal()
        row = session.get(Product, id)
        if row is None:
            return None
        return _to_type(row)

    @strawberry.field
    def products(self, category: str, limit: int = 20) -> list[ProductType]:
        with SessionLocal() as session:
            stmt = (
                select(Product)
                .join(Category, Category.id == Product.category_id)
                .where(Category.slug == category)
                .order_by(Product.name)
                .limit(min(limit, 100))
            )
            return [_to_type(p) for p in session.scalars(stmt)]

    @strawberry.field
    def view_count(self, product_id: int) -> int:
        cache = redis.Redis(host=REDIS_HOST, port=6379, db=0, decode_responses=True)
        value = cache.get(f"views:{product_id}")
        return int(value or 0)


@strawberry.type
class Mutation:
    @strawberry.mutation
    def rename_product(self, id: int, name: str) -> Optional[ProductType]:
        with SessionLocal.begin() as session:
            row = session.get(Product, id)
            if row is None:
                return None
            row.name = name
            return _to_type(row)


schema = strawberry.Schema(query=Query, mutation=Mutation)

import json

from esmerald import Request, get, post
from esmerald.exceptions import NotFound
from sqlalchemy import text

from catalog.resources import res
from catalog.tenants import cache_for


def _tenant(request: Request) -> str:
    return request.headers.get("x-tenant", "default")


@get("/products/{product_id}")
async def get_product(request: Request, product_id: int) -> dict:
    cache = cache_for(_tenant(request))
    cached = await cache.get(f"product:{product_id}")
    if cached:
        return json.loads(cached)

    async with res.sessionmaker() as session:
        row = (
            await session.execute(
                text("SELECT id, sku, title, list_price FROM products WHERE id = :id AND tenant = :t"),
                {"id": product_id, "t": _tenant(request)},
            )
        ).mappings().first()
    if row is None:
        raise NotFound(detail=f"product {product_id} not found")

    product = {**row, "list_price": str(row["list_price"])}
    await cache.set(f"product:{product_id}", json.dumps(product), ex=300)
    return product


@post("/products/{product_id}/reprice")
async def reprice(request: Request, product_id: int) -> dict:
    quote = await res.pricing.get(f"/quote/{product_id}", params={"tenant": _tenant(request)})
    quote.raise_for_status()
    new_price = quote.json()["price"]

    async with res.sessionmaker.begin() as session:
        await session.execute(
            text("UPDATE products SET list_price = :p WHERE id = :id AND tenant = :t"),
            {"p": new_price, "id": product_id, "t": _tenant(request)},
        )
    await cache_for(_tenant(request)).delete(f"product:{product_id}")
    return {"id": product_id, "list_price": new_price}


@get("/healthz")
async def healthz() -> dict:
    async with res.engine.connect() as conn:
        await conn.execute(text("SELECT 1"))
    return {"ok": True}

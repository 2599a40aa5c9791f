import os

from sqlalchemy import bindparam, create_engine, text

# Read replica used to denormalise customer fields into the order documents.
engine = create_engine(
    os.environ.get("SHOP_REPLICA_URL", "mysql+pymysql://cdc:cdc@replica:3306/shop"),
    pool_size=5,
    max_overflow=5,
    pool_recycle=1800,
)


def customer_summary(customer_id: int):
    conn = engine.connect()
    row = (
        conn.execute(
            text("SELECT id, email, country, tier FROM customers WHERE id = :id"),
            {"id": customer_id},
        )
        .mappings()
        .first()
    )
    if row is None:
        return None
    return {"id": row["id"], "email": row["email"], "country": row["country"], "tier": row["tier"]}


def product_titles(product_ids):
    if not product_ids:
        return {}
    with engine.connect() as conn:
        rows = conn.execute(
            text("SELECT id, title FROM products WHERE id IN :ids").bindparams(bindparam("ids", expanding=True)),
            {"ids": list(product_ids)},
        ).all()
    return {r.id: r.title for r in rows}

"""Parse a partner price list and upsert it into MySQL."""
import csv
from decimal import Decimal, InvalidOperation
from pathlib import Path

UPSERT_SQL = """
INSERT INTO partner_prices (partner_code, sku, price, currency, valid_from)
VALUES (%s, %s, %s, %s, %s)
ON DUPLICATE KEY UPDATE price = VALUES(price), currency = VALUES(currency),
                        valid_from = VALUES(valid_from)
"""

REQUIRED_COLUMNS = {"sku", "price", "currency", "valid_from"}


def parse_rows(path: Path):
    partner_code = path.stem.split("_", 1)[0].upper()
    with path.open(newline="", encoding="utf-8-sig") as fh:
        reader = csv.DictReader(fh, delimiter=";")
        missing = REQUIRED_COLUMNS - set(reader.fieldnames or [])
        if missing:
            raise ValueError(f"missing columns {sorted(missing)}")
        for lineno, rec in enumerate(reader, start=2):
            try:
                price = Decimal(rec["price"].replace(",", "."))
            except InvalidOperation:
                raise ValueError(f"line {lineno}: bad price {rec['price']!r}")
            yield {
                "partner": partner_code,
                "sku": rec["sku"].strip(),
                "price": price,
                "currency": rec["currency"].strip().upper() or "EUR",
                "valid_from": rec["valid_from"],
            }


async def ingest_file(pool, path: Path):
    conn = await pool.acquire()
    cur = await conn.cursor()
    rows = []
    for row in parse_rows(path):
        await cur.execute(
            UPSERT_SQL,
            (row["partner"], row["sku"], row["price"], row["currency"], row["valid_from"]),
        )
        rows.append(row)
    await conn.commit()
    await cur.close()
    pool.release(conn)
    return rows


async def partner_row_count(pool, partner_code):
    async with pool.acquire() as conn:
        async with conn.cursor() as cur:
            await cur.execute("SELECT COUNT(*) FROM partner_prices WHERE partner_code = %s", (partner_code,))
            (count,) = await cur.fetchone()
            return count

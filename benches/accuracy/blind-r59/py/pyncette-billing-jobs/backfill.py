"""One-off: re-pull settlements for a date range (run by an operator).

    billing-backfill 2024-06-01 2024-06-30
"""
import asyncio
import datetime
import os
import sys

import asyncpg
import httpx


async def backfill(start: datetime.date, end: datetime.date) -> int:
    pool = await asyncpg.create_pool(os.environ["BILLING_DSN"], min_size=1, max_size=2)
    inserted = 0
    try:
        async with httpx.AsyncClient(
            base_url=os.environ.get("PSP_API_URL", "https://api.psp.example/v3"),
            headers={"Authorization": f"Bearer {os.environ['PSP_API_KEY']}"},
            timeout=30.0,
        ) as psp:
            day = start
            while day <= end:
                resp = await psp.get("/settlements", params={"date": day.isoformat()})
                resp.raise_for_status()
                async with pool.acquire() as conn:
                    for s in resp.json()["data"]:
                        status = await conn.execute(
                            "INSERT INTO settlements (psp_id, tenant_id, invoice_id, amount_cents, settled_at)"
                            " VALUES ($1, $2, $3, $4, $5) ON CONFLICT (psp_id) DO NOTHING",
                            s["id"],
                            s["metadata"]["tenant_id"],
                            s["metadata"]["invoice_id"],
                            s["amount"],
                            datetime.datetime.fromisoformat(s["settled_at"]),
                        )
                        inserted += int(status.split()[-1])
                day += datetime.timedelta(days=1)
    finally:
        await pool.close()
    return inserted


def main() -> None:
    start, end = (datetime.date.fromisoformat(a) for a in sys.argv[1:3])
    print(f"inserted {asyncio.run(backfill(start, end))} settlements")


if __name__ == "__main__":
    main()

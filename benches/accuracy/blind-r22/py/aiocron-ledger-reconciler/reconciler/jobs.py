"""Cron jobs. install() is called once from main with the shared clients;
each decorated coroutine then runs on its schedule for the life of the process."""
import logging
from datetime import date, timedelta

import aiocron
import aiohttp
import asyncpg

log = logging.getLogger("reconciler.jobs")


def install(pool: asyncpg.Pool, http: aiohttp.ClientSession) -> list[aiocron.Cron]:
    @aiocron.crontab("*/10 * * * *", start=True)
    async def reconcile_payouts():
        async with http.get("/v1/payouts", params={"status": "paid", "limit": 100}) as resp:
            resp.raise_for_status()
            payouts = (await resp.json())["data"]
        async with pool.acquire() as conn:
            async with conn.transaction():
                for p in payouts:
                    await conn.execute(
                        "INSERT INTO psp_payouts (id, amount_minor, currency, arrival_date) "
                        "VALUES ($1, $2, $3, to_timestamp($4)::date) ON CONFLICT (id) DO NOTHING",
                        p["id"],
                        p["amount"],
                        p["currency"],
                        p["arrival_date"],
                    )
        log.info("synced %d payouts", len(payouts))

    @aiocron.crontab("15 * * * *", start=True)
    async def flag_mismatches():
        async with pool.acquire() as conn:
            flagged = await conn.fetchval(
                """
                WITH m AS (
                    UPDATE ledger_settlements s SET status = 'mismatch'
                      FROM psp_payouts p
                     WHERE s.psp_payout_id = p.id
                       AND s.amount_minor <> p.amount_minor
                       AND s.status = 'pending'
                    RETURNING s.id)
                SELECT count(*) FROM m
                """
            )
        if flagged:
            log.warning("%d settlements do not match PSP payouts", flagged)

    @aiocron.crontab("0 6 * * *", start=True)
    async def daily_summary():
        day = date.today() - timedelta(days=1)
        async with pool.acquire() as conn:
            row = await conn.fetchrow(
                "SELECT count(*) AS n, coalesce(sum(amount_minor), 0) AS total "
                "FROM psp_payouts WHERE arrival_date = $1",
                day,
            )
            await conn.execute(
                "INSERT INTO payout_daily_summary (day, payouts, total_minor) VALUES ($1, $2, $3) "
                "ON CONFLICT (day) DO UPDATE SET payouts = $2, total_minor = $3",
                day,
                row["n"],
                row["total"],
            )
        log.info("%s: %d payouts, %d minor units", day, row["n"], row["total"])

    return [reconcile_payouts, flag_mismatches, daily_summary]

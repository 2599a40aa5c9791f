"""HTTP handlers for quotes and conversions."""
from __future__ import annotations

import uuid
from decimal import ROUND_HALF_EVEN, Decimal

import asyncpg
from flama import Flama, http
from flama.exceptions import HTTPException

from components import FxProvider

SUPPORTED = {"EUR", "USD", "GBP", "CHF", "JPY", "SEK"}


def _pair(base: str, quote: str) -> tuple[str, str]:
    base, quote = base.upper(), quote.upper()
    if base not in SUPPORTED or quote not in SUPPORTED or base == quote:
        raise HTTPException(status_code=400, detail=f"unsupported pair {base}/{quote}")
    return base, quote


async def _client_rate(fx: FxProvider, pool: asyncpg.Pool, base: str, quote: str) -> Decimal:
    mid = await fx.mid_rate(base, quote)
    spread = await fx.spread_bps(base, quote)
    async with pool.acquire() as conn:
        markup = await conn.fetchval(
            "SELECT markup_bps FROM pair_markups WHERE pair = $1", base + quote
        )
    total_bps = Decimal(spread + (markup or 0)) / Decimal(10_000)
    return (mid * (1 + total_bps)).quantize(Decimal("0.000001"), rounding=ROUND_HALF_EVEN)


async def get_quote(base: str, quote: str, fx: FxProvider, pool: asyncpg.Pool) -> dict:
    base, quote = _pair(base, quote)
    rate = await _client_rate(fx, pool, base, quote)
    return {"pair": f"{base}/{quote}", "rate": str(rate)}


async def _record_conversion(
    pool: asyncpg.Pool, account_id: str, base: str, quote: str, amount: Decimal, rate: Decimal
) -> str:
    booking_id = str(uuid.uuid4())
    conn = await pool.acquire()
    tx = conn.transaction()
    await tx.start()
    balance = await conn.fetchval(
        "SELECT balance FROM wallets WHERE account_id = $1 AND currency = $2 FOR UPDATE",
        account_id,
        base,
    )
    if balance is None or balance < amount:
        await tx.rollback()
        raise HTTPException(status_code=409, detail="insufficient funds")
    await conn.execute(
        "UPDATE wallets SET balance = balance - $3 WHERE account_id = $1 AND currency = $2",
        account_id, base, amount,
    )
    await conn.execute(
        "INSERT INTO wallets (account_id, currency, balance) VALUES ($1, $2, $3) "
        "ON CONFLICT (account_id, currency) DO UPDATE SET balance = wallets.balance + $3",
        account_id, quote, (amount * rate).quantize(Decimal("0.01")),
    )
    await conn.execute(
        "INSERT INTO conversions (id, account_id, base, quote, amount, rate) "
        "VALUES ($1, $2, $3, $4, $5, $6)",
        booking_id, account_id, base, quote, amount, rate,
    )
    await tx.commit()
    await pool.release(conn)
    return booking_id


async def book_conversion(request: http.Request, fx: FxProvider, pool: asyncpg.Pool) -> http.JSONResponse:
    payload = await request.json()
    base, quote = _pair(payload["base"], payload["quote"])
    amount = Decimal(str(payload["amount"]))
    if amount <= 0:
        raise HTTPException(status_code=400, detail="amount must be positive")
    rate = await _client_rate(fx, pool, base, quote)
    booking_id = await _record_conversion(pool, payload["account_id"], base, quote, amount, rate)
    return http.JSONResponse({"booking_id": booking_id, "rate": str(rate)}, status_code=201)


async def list_conversions(account_id: str, pool: asyncpg.Pool, limit: int = 50) -> dict:
    async with pool.acquire() as conn:
        rows = await conn.fetch(
            "SELECT id, base, quote, amount, rate, created_at FROM conversions "
            "WHERE account_id = $1 ORDER BY created_at DESC LIMIT $2",
            account_id,
            min(limit, 200),
        )
    return {
        "items": [
            {
                "id": r["id"],
                "pair": f"{r['base']}/{r['quote']}",
                "amount": str(r["amount"]),
                "rate": str(r["rate"]),
                "created_at": r["created_at"].isoformat(),
            }
            for r in rows
        ]
    }


def register_routes(app: Flama) -> None:
    app.add_route("/quotes/{base}/{quote}/", get_quote, methods=["GET"])
    app.add_route("/conversions/", book_conversion, methods=["POST"])
    app.add_route("/accounts/{account_id}/conversions/", list_conversions, methods=["GET"])

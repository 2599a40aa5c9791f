"""grpclib servicer: every method below runs once per incoming RPC."""
import json
import os
import uuid
from datetime import date

import asyncpg
import redis.asyncio as aioredis
from grpclib import GRPCError, Status
from grpclib.server import Stream

from stock import stock_pb2
from stock.stock_grpc import StockBase

REDIS_URL = os.environ.get("REDIS_URL", "redis://redis.internal:6379/3")
LEVEL_TTL = 15


class StockService(StockBase):
    def __init__(self, pool: asyncpg.Pool, reporting: asyncpg.Pool) -> None:
        self.pool = pool
        self.reporting = reporting

    async def GetLevel(self, stream: Stream[stock_pb2.LevelRequest, stock_pb2.LevelReply]) -> None:
        request = await stream.recv_message()
        cache = aioredis.Redis.from_url(REDIS_URL, decode_responses=True)
        key = f"stock:{request.warehouse}:{request.sku}"
        cached = await cache.get(key)
        if cached is not None:
            on_hand, reserved = json.loads(cached)
        else:
            async with self.pool.acquire() as conn:
                row = await conn.fetchrow(
                    "SELECT on_hand, reserved FROM stock_levels WHERE sku = $1 AND warehouse = $2",
                    request.sku,
                    request.warehouse,
                )
            if row is None:
                raise GRPCError(Status.NOT_FOUND, f"unknown sku {request.sku}")
            on_hand, reserved = row["on_hand"], row["reserved"]
            await cache.set(key, json.dumps([on_hand, reserved]), ex=LEVEL_TTL)
        await stream.send_message(
            stock_pb2.LevelReply(
                sku=request.sku, warehouse=request.warehouse, on_hand=on_hand, reserved=reserved
            )
        )

    async def Reserve(self, stream: Stream[stock_pb2.ReserveRequest, stock_pb2.ReserveReply]) -> None:
        request = await stream.recv_message()
        if request.quantity <= 0:
            raise GRPCError(Status.INVALID_ARGUMENT, "quantity must be positive")
        conn = await self.pool.acquire()
        tx = conn.transaction()
        await tx.start()
        row = await conn.fetchrow(
            "SELECT on_hand - reserved AS available FROM stock_levels "
            "WHERE sku = $1 AND warehouse = $2 FOR UPDATE",
            request.sku,
            request.warehouse,
        )
        if row is None or row["available"] < request.quantity:
            await tx.rollback()
            raise GRPCError(Status.FAILED_PRECONDITION, "insufficient stock")
        reservation_id = str(uuid.uuid4())
        await conn.execute(
            "UPDATE stock_levels SET reserved = reserved + $3 WHERE sku = $1 AND warehouse = $2",
            request.sku,
            request.warehouse,
            request.quantity,
        )
        await conn.execute(
            "INSERT INTO reservations (id, order_id, sku, warehouse, quantity) VALUES ($1, $2, $3, $4, $5)",
            reservation_id,
            request.order_id,
            request.sku,
            request.warehouse,
            request.quantity,
        )
        await tx.commit()
        await self.pool.release(conn)
        await stream.send_message(
            stock_pb2.ReserveReply(
                reservation_id=reservation_id, remaining=row["available"] - request.quantity
            )
        )

    async def DailyMovements(
        self, stream: Stream[stock_pb2.MovementsRequest, stock_pb2.MovementsReply]
    ) -> None:
        request = await stream.recv_message()
        day = date.fromisoformat(request.day) if request.day else date.today()
        async with self.reporting.acquire() as conn:
            rows = await conn.fetch(
                "SELECT sku, sum(inbound) AS inbound, sum(outbound) AS outbound "
                "FROM stock_movements WHERE warehouse = $1 AND moved_on = $2 GROUP BY sku",
                request.warehouse,
                day,
            )
        await stream.send_message(
            stock_pb2.MovementsReply(
                movements=[
                    stock_pb2.Movement(sku=r["sku"], inbound=r["inbound"], outbound=r["outbound"])
                    for r in rows
                ]
            )
        )

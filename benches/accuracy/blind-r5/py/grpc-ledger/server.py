import asyncio
import logging
import os

import grpc
import psycopg
from psycopg_pool import AsyncConnectionPool

import ledger_pb2
import ledger_pb2_grpc
from receipts import ReceiptWriter

DSN = os.environ.get("LEDGER_DSN", "postgresql://ledger:ledger@localhost:5432/ledger")
log = logging.getLogger("ledger")


class LedgerServicer(ledger_pb2_grpc.LedgerServicer):
    def __init__(self, pool: AsyncConnectionPool):
        self.pool = pool

    async def GetBalance(self, request, context):
        async with self.pool.connection() as conn:
            cur = await conn.execute(
                "SELECT balance_cents FROM accounts WHERE id = %s",
                (request.account_id,),
            )
            row = await cur.fetchone()
        if row is None:
            await context.abort(grpc.StatusCode.NOT_FOUND, "no such account")
        return ledger_pb2.Balance(account_id=request.account_id, balance_cents=row[0])

    async def Transfer(self, request, context):
        if request.amount_cents <= 0:
            await context.abort(grpc.StatusCode.INVALID_ARGUMENT, "amount must be positive")

        # transfers need serializable isolation, so use a dedicated connection
        async with await psycopg.AsyncConnection.connect(DSN) as conn:
            await conn.set_isolation_level(psycopg.IsolationLevel.SERIALIZABLE)
            async with conn.transaction():
                await conn.execute(
                    "UPDATE accounts SET balance_cents = balance_cents - %s WHERE id = %s",
                    (request.amount_cents, request.from_account),
                )
                await conn.execute(
                    "UPDATE accounts SET balance_cents = balance_cents + %s WHERE id = %s",
                    (request.amount_cents, request.to_account),
                )

        writer = ReceiptWriter(request.request_id)
        key = await writer.write(
            request.from_account, request.to_account, request.amount_cents
        )
        log.info("transfer %s done, receipt %s", request.request_id, key)
        return ledger_pb2.TransferReply(ok=True, receipt_key=key)


async def serve() -> None:
    pool = AsyncConnectionPool(DSN, min_size=2, max_size=10, open=False)
    await pool.open()
    server = grpc.aio.server()
    ledger_pb2_grpc.add_LedgerServicer_to_server(LedgerServicer(pool), server)
    server.add_insecure_port("[::]:50051")
    await server.start()
    log.info("ledger listening on :50051")
    try:
        await server.wait_for_termination()
    finally:
        await pool.close()


if __name__ == "__main__":
    logging.basicConfig(level=logging.INFO)
    asyncio.run(serve())

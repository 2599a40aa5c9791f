"""JSON-RPC over ZeroMQ stock service.

    STOCK_BIND=tcp://0.0.0.0:5001 python server.py
"""

import logging
import os

import httpx
import zmq
from tinyrpc.dispatch import RPCDispatcher
from tinyrpc.protocols.jsonrpc import JSONRPCProtocol
from tinyrpc.server import RPCServer
from tinyrpc.transports.zmq import ZmqServerTransport

from db import open_pool
from service import StockService


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    pool = open_pool(os.environ["DATABASE_URL"])
    supplier = httpx.Client(
        base_url=os.environ.get("SUPPLIER_API", "https://supplier.example.com"),
        headers={"Authorization": f"Bearer {os.environ.get('SUPPLIER_TOKEN', '')}"},
        timeout=10.0,
    )

    dispatcher = RPCDispatcher()
    dispatcher.register_instance(StockService(pool, supplier), "stock.")

    ctx = zmq.Context()
    transport = ZmqServerTransport.create(ctx, os.environ.get("STOCK_BIND", "tcp://0.0.0.0:5001"))
    server = RPCServer(transport, JSONRPCProtocol(), dispatcher)
    try:
        server.serve_forever()
    finally:
        supplier.close()
        pool.close()
        ctx.term()


if __name__ == "__main__":
    main()

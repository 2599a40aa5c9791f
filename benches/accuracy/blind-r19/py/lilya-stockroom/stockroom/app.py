from contextlib import asynccontextmanager

import asyncpg
import httpx
from lilya.apps import Lilya

from stockroom import config
from stockroom.routes import routes


@asynccontextmanager
async def lifespan(app: Lilya):
    app.state.pool = await asyncpg.create_pool(
        dsn=config.DATABASE_URL,
        min_size=2,
        max_size=10,
        command_timeout=10,
    )
    app.state.supplier = httpx.AsyncClient(base_url=config.SUPPLIER_API, timeout=15.0)
    try:
        yield
    finally:
        await app.state.supplier.aclose()
        await app.state.pool.close()


app = Lilya(routes=routes, lifespan=lifespan)

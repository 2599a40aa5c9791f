import os

import httpx
from panther.events import Event

from app import state
from app.db import make_pool


@Event.startup
async def open_clients():
    pool = await make_pool(max_size=10)
    payments = httpx.AsyncClient(
        base_url=os.environ.get('PAYMENTS_URL', 'https://api.payments.example/v2'),
        headers={'Authorization': f"Bearer {os.environ['PAYMENTS_KEY']}"},
        timeout=httpx.Timeout(10.0, connect=3.0),
    )
    state.install(pool, payments)


@Event.shutdown
async def close_clients():
    await state.close()

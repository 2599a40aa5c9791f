"""Long-running ingest: ESPHome state updates -> Postgres, batched."""
import asyncio
import logging
import os
import signal
from datetime import datetime, timezone

from aioesphomeapi import APIClient, SensorInfo, SensorState

from .db import make_pool

log = logging.getLogger("greenhouse.ingest")

INSERT_SQL = (
    "INSERT INTO reading (node, sensor, unit, value, observed_at) "
    "VALUES ($1, $2, $3, $4, $5)"
)
FLUSH_EVERY = 10.0
MAX_BATCH = 500


class StateCollector:
    """subscribe_states callback target; runs once per state update, only enqueues."""

    def __init__(self, node, sensors, queue):
        self._node = node
        self._sensors = sensors
        self._queue = queue

    def __call__(self, state):
        if not isinstance(state, SensorState) or state.missing_state:
            return
        info = self._sensors.get(state.key)
        if info is None:
            return
        self._queue.put_nowait((self._node, info.object_id, info.unit_of_measurement,
                                float(state.state), datetime.now(timezone.utc)))


async def writer(pool, queue):
    while True:
        batch = [await queue.get()]
        deadline = asyncio.get_running_loop().time() + FLUSH_EVERY
        while len(batch) < MAX_BATCH:
            timeout = deadline - asyncio.get_running_loop().time()
            if timeout <= 0:
                break
            try:
                batch.append(await asyncio.wait_for(queue.get(), timeout))
            except asyncio.TimeoutError:
                break
        async with pool.acquire() as conn:
            await conn.executemany(INSERT_SQL, batch)
        log.info("stored %d readings", len(batch))


async def main():
    logging.basicConfig(level=logging.INFO)
    pool = await make_pool()
    client = APIClient(os.environ.get("ESPHOME_HOST", "greenhouse-node.local"), 6053, None,
                       noise_psk=os.environ.get("ESPHOME_NOISE_PSK"))
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)

    queue = asyncio.Queue()
    writer_task = asyncio.create_task(writer(pool, queue))
    try:
        await client.connect(login=True)
        device = await client.device_info()
        entities, _services = await client.list_entities_services()
        sensors = {e.key: e for e in entities if isinstance(e, SensorInfo)}
        client.subscribe_states(StateCollector(device.name, sensors, queue))
        log.info("subscribed to %d sensors on %s", len(sensors), device.name)
        await stop.wait()
    finally:
        writer_task.cancel()
        await client.disconnect()
        await pool.close()


if __name__ == "__main__":
    asyncio.run(main())

"""KNX climate logger: listens on the KNX/IP tunnel and stores room readings."""
import asyncio
import logging
import os
import signal

import httpx
from xknx import XKNX
from xknx.devices import BinarySensor, Sensor
from xknx.io import ConnectionConfig, ConnectionType

from .clients import connect_pool
from .recorder import Recorder

ROOMS = {
    "meeting-1": ("3/1/1", "3/1/2", "3/2/1"),
    "meeting-2": ("3/1/11", "3/1/12", "3/2/11"),
    "open-space": ("3/1/21", "3/1/22", "3/2/21"),
}


async def main() -> None:
    logging.basicConfig(level=logging.INFO)
    pool = await connect_pool(os.environ["CLIMATE_DSN"])
    http = httpx.AsyncClient(base_url=os.environ.get("FACILITY_API", "https://facility.internal.example.com"), timeout=5)
    recorder = Recorder(pool, http)

    xknx = XKNX(
        connection_config=ConnectionConfig(
            connection_type=ConnectionType.TUNNELING,
            gateway_ip=os.environ.get("KNX_GATEWAY", "192.168.10.20"),
        ),
    )
    for room, (temp_ga, hum_ga, window_ga) in ROOMS.items():
        xknx.devices.async_add(
            Sensor(xknx, f"{room}-temperature", group_address_state=temp_ga, value_type="temperature",
                   device_updated_cb=recorder.on_device_updated)
        )
        xknx.devices.async_add(
            Sensor(xknx, f"{room}-humidity", group_address_state=hum_ga, value_type="humidity",
                   device_updated_cb=recorder.on_device_updated)
        )
        xknx.devices.async_add(
            BinarySensor(xknx, f"{room}-window", group_address_state=window_ga,
                         device_updated_cb=recorder.on_device_updated)
        )

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)

    try:
        await xknx.start()
        await stop.wait()
    finally:
        await xknx.stop()
        await recorder.drain()
        await http.aclose()
        await pool.close()


if __name__ == "__main__":
    asyncio.run(main())

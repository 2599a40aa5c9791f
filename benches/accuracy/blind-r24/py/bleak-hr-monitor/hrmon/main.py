"""Connects to every configured strap and streams notifications until killed."""
import asyncio
import json
import logging
import os

from bleak import BleakClient, BleakScanner

from .handlers import StrapHandler

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("hrmon")

HR_MEASUREMENT = "00002a37-0000-1000-8000-00805f9b34fb"
BATTERY_LEVEL = "00002a19-0000-1000-8000-00805f9b34fb"


async def watch_strap(address: str, strap_id: str, bed: str) -> None:
    handler = StrapHandler(strap_id, bed)
    while True:
        device = await BleakScanner.find_device_by_address(address, timeout=20.0)
        if device is None:
            log.warning("strap %s not in range, rescanning", strap_id)
            await asyncio.sleep(10)
            continue
        disconnected = asyncio.Event()
        async with BleakClient(device, disconnected_callback=lambda _: disconnected.set()) as client:
            await client.start_notify(HR_MEASUREMENT, handler.on_heart_rate)
            await client.start_notify(BATTERY_LEVEL, handler.on_battery)
            log.info("streaming %s (bed %s)", strap_id, bed)
            await disconnected.wait()
        log.warning("strap %s disconnected", strap_id)


async def main() -> None:
    with open(os.environ.get("STRAPS_FILE", "straps.json")) as fh:
        straps = json.load(fh)
    await asyncio.gather(
        *(watch_strap(s["address"], s["id"], s["bed"]) for s in straps)
    )


if __name__ == "__main__":
    asyncio.run(main())

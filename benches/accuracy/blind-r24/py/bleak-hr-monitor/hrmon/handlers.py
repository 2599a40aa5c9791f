"""GATT notification handlers. Bleak invokes these once per notification
(a chest strap notifies roughly once per second)."""
import logging
import os

import requests
from bleak.backends.characteristic import BleakGATTCharacteristic

from . import store

log = logging.getLogger(__name__)

PAGER_URL = os.environ.get("PAGER_URL", "https://pager.ward.local/api/alerts")
PAGER_TOKEN = os.environ.get("PAGER_TOKEN", "")


def parse_hr_measurement(data: bytearray) -> tuple[int, list[int]]:
    flags = data[0]
    idx = 1
    if flags & 0x01:
        bpm = int.from_bytes(data[idx:idx + 2], "little")
        idx += 2
    else:
        bpm = data[idx]
        idx += 1
    if flags & 0x08:
        idx += 2  # energy expended
    rr = []
    if flags & 0x10:
        while idx + 1 < len(data):
            rr.append(int.from_bytes(data[idx:idx + 2], "little") * 1000 // 1024)
            idx += 2
    return bpm, rr


class StrapHandler:
    def __init__(self, strap_id: str, bed: str):
        self.strap_id = strap_id
        self.bed = bed
        self.baseline = None

    def on_heart_rate(self, sender: BleakGATTCharacteristic, data: bytearray) -> None:
        bpm, rr = parse_hr_measurement(data)
        store.save_reading(self.strap_id, bpm, rr)
        if self.baseline is None:
            self.baseline = store.baseline_bpm(self.strap_id)
        if self.baseline and abs(bpm - self.baseline) > 40:
            self._page(bpm)

    def on_battery(self, sender: BleakGATTCharacteristic, data: bytearray) -> None:
        store.save_battery(self.strap_id, int(data[0]))

    def _page(self, bpm: int) -> None:
        http = requests.Session()
        http.headers["Authorization"] = f"Token {PAGER_TOKEN}"
        try:
            http.post(
                PAGER_URL,
                json={"bed": self.bed, "strap": self.strap_id, "bpm": bpm,
                      "baseline": self.baseline},
                timeout=5,
            )
        except requests.RequestException:
            log.exception("pager call failed for bed %s", self.bed)

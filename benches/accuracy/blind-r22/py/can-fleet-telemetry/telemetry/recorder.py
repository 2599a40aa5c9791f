"""Buffers speed/RPM frames and flushes them in batches."""
import threading
from datetime import datetime, timezone

import can

from telemetry.db import SessionLocal, SpeedSample

CCVS_PGN = 0xFEF1  # cruise control / vehicle speed
EEC1_PGN = 0xF004  # electronic engine controller 1


def pgn_of(arbitration_id: int) -> int:
    return (arbitration_id >> 8) & 0x3FFFF


class SpeedRecorder(can.Listener):
    def __init__(self, vehicle_id: str, batch_size: int = 200) -> None:
        self.vehicle_id = vehicle_id
        self.batch_size = batch_size
        self._rpm = 0
        self._buffer: list[SpeedSample] = []
        self._lock = threading.Lock()

    def on_message_received(self, msg: can.Message) -> None:
        pgn = pgn_of(msg.arbitration_id)
        if pgn == EEC1_PGN:
            self._rpm = int.from_bytes(msg.data[3:5], "little") // 8
        elif pgn == CCVS_PGN:
            speed = int.from_bytes(msg.data[1:3], "little") / 256.0
            with self._lock:
                self._buffer.append(
                    SpeedSample(
                        vehicle_id=self.vehicle_id,
                        recorded_at=datetime.fromtimestamp(msg.timestamp, timezone.utc),
                        speed_kmh=speed,
                        rpm=self._rpm,
                    )
                )
                if len(self._buffer) >= self.batch_size:
                    self._flush_locked()

    def _flush_locked(self) -> None:
        batch, self._buffer = self._buffer, []
        with SessionLocal() as session, session.begin():
            session.add_all(batch)

    def stop(self) -> None:
        with self._lock:
            if self._buffer:
                self._flush_locked()

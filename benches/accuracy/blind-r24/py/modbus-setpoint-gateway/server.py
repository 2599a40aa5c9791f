"""Modbus/TCP gateway exposing BMS setpoints to the plant SCADA."""
import logging
import os
import random
import threading
import time

from pymodbus.datastore import (
    ModbusSequentialDataBlock,
    ModbusServerContext,
    ModbusSlaveContext,
)
from pymodbus.device import ModbusDeviceIdentification
from pymodbus.server import StartTcpServer

from blocks import SetpointBlock, TelemetryBlock

logging.basicConfig(level=logging.INFO)
log = logging.getLogger("gateway")

LISTEN = (os.environ.get("MODBUS_HOST", "0.0.0.0"), int(os.environ.get("MODBUS_PORT", "5020")))


def poll_field(telemetry: TelemetryBlock, stop: threading.Event) -> None:
    """Simulated field poller; in production this reads the BACnet router."""
    while not stop.wait(5):
        temps = [int(180 + random.uniform(-15, 15)) for _ in range(8)]
        telemetry.update_from_poller(1, temps)


def build_context():
    setpoints = SetpointBlock(1, [220, 250, 215, 250] + [0] * 6 + [70, 650] + [0] * 52)
    telemetry = TelemetryBlock(1, [0] * 64)
    slave = ModbusSlaveContext(
        di=ModbusSequentialDataBlock(1, [0] * 16),
        co=ModbusSequentialDataBlock(1, [0] * 16),
        hr=setpoints,
        ir=telemetry,
    )
    return ModbusServerContext(slaves=slave, single=True), telemetry


def main() -> None:
    context, telemetry = build_context()
    stop = threading.Event()
    threading.Thread(target=poll_field, args=(telemetry, stop), daemon=True).start()

    identity = ModbusDeviceIdentification(
        info_name={
            "VendorName": "Facilities Eng",
            "ProductName": "BMS setpoint gateway",
            "MajorMinorRevision": "1.3",
        }
    )
    log.info("listening on %s:%s", *LISTEN)
    try:
        StartTcpServer(context=context, identity=identity, address=LISTEN)
    finally:
        stop.set()
        time.sleep(0.1)


if __name__ == "__main__":
    main()

import logging
import os
import signal

from pyhap.accessory import Bridge
from pyhap.accessory_driver import AccessoryDriver
from sqlalchemy import text

from greenhouse.accessories import IrrigationValve, SoilSensor
from greenhouse.services import build_services


def main():
    logging.basicConfig(level=logging.INFO)
    services = build_services()

    driver = AccessoryDriver(
        port=51826,
        persist_file=os.environ.get("GREENHOUSE_STATE", "/var/lib/greenhouse/bridge.state"),
    )
    bridge = Bridge(driver, "Greenhouse")

    with services.Session() as session:
        beds = session.execute(text("SELECT id, name FROM beds WHERE active ORDER BY id")).all()
    for bed in beds:
        bridge.add_accessory(
            SoilSensor(driver, f"{bed.name} Soil", bed_id=bed.id, services=services)
        )
        bridge.add_accessory(
            IrrigationValve(driver, f"{bed.name} Valve", bed_id=bed.id, services=services)
        )

    driver.add_accessory(accessory=bridge)
    signal.signal(signal.SIGTERM, driver.signal_handler)
    try:
        driver.start()
    finally:
        services.close()


if __name__ == "__main__":
    main()

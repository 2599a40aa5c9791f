"""One-off: copy device names from the registry CSV into existing readings.

    python -m scripts.backfill_device_names devices.csv
"""
import csv
import sys

from common.mongo import make_mongo


def main(path: str) -> None:
    mongo = make_mongo("backfill-device-names")
    try:
        readings = mongo.telemetry.readings
        with open(path, newline="") as fh:
            for row in csv.DictReader(fh):
                res = readings.update_many(
                    {"device_id": row["device_id"], "device_name": {"$exists": False}},
                    {"$set": {"device_name": row["name"]}},
                )
                print(f"{row['device_id']}: {res.modified_count} readings updated")
    finally:
        mongo.close()


if __name__ == "__main__":
    main(sys.argv[1])

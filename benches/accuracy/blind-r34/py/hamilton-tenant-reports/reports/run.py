"""Monthly referral reports, one per tenant. Run by cron once a month:
    tenant-reports --month 2024-08
"""
import argparse
import json
import os

from hamilton import driver

from reports import clients, dataflow


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--month", required=True)
    parser.add_argument("--tenants", default=os.environ.get("TENANTS_FILE", "tenants.json"))
    args = parser.parse_args()

    with open(args.tenants) as fh:
        tenants = json.load(fh)

    dr = driver.Builder().with_modules(dataflow).build()

    mongo = clients.make_mongo()
    try:
        with clients.make_graph() as graph:
            for tenant in tenants:
                result = dr.execute(
                    ["uploaded_report"],
                    inputs={
                        "mongo": mongo,
                        "graph": graph,
                        "tenant_id": tenant["id"],
                        "month": args.month,
                        "bucket": tenant["bucket"],
                        "region": tenant["region"],
                    },
                )
                print(tenant["id"], result["uploaded_report"])
    finally:
        mongo.close()


if __name__ == "__main__":
    main()

"""One-off: (re)deploy the endpoints to TabPy. Run by hand or from CI after a merge.

    python deploy.py --tabpy http://tabpy.internal:9004/
"""
import argparse
import os
import sys

from sqlalchemy import create_engine, text
from tabpy.tabpy_tools.client import Client

from functions import churn_risk, region_benchmark


def check_feature_mart(url):
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            n = conn.execute(text("SELECT count(*) FROM mart.customer_features")).scalar_one()
    finally:
        engine.dispose()
    return n


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--tabpy", default="http://localhost:9004/")
    args = parser.parse_args()

    rows = check_feature_mart(os.environ["DWH_URL"])
    if rows == 0:
        print("mart.customer_features is empty, refusing to deploy", file=sys.stderr)
        return 1

    client = Client(args.tabpy)
    client.deploy(
        "churn_risk",
        churn_risk,
        "Churn probability per customer id for a horizon in days (logistic model v3)",
        override=True,
    )
    client.deploy(
        "region_benchmark",
        region_benchmark,
        "Median NPS per region from the benchmark feed",
        override=True,
    )
    print("deployed:", ", ".join(sorted(client.get_endpoints())))
    return 0


if __name__ == "__main__":
    sys.exit(main())

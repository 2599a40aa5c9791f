"""Nightly orders pipeline definition + one-off submit script.

    python pipeline.py --run-date 2024-07-30          # compile and submit once
    python pipeline.py --compile-only                 # just write pipeline.yaml
"""
import argparse
import datetime
import os

import kfp
from kfp import compiler, dsl, kubernetes

from components import convert_currency, extract_orders, publish

REGIONS = ["eu-west", "eu-central", "us-east", "ap-south"]


@dsl.pipeline(name="nightly-orders", description="Per-region order revenue rollup")
def nightly_orders(run_date: str, rates_url: str, bucket: str = "analytics-lake"):
    with dsl.ParallelFor(items=REGIONS, parallelism=2) as region:
        extract = extract_orders(region=region, run_date=run_date)
        kubernetes.use_secret_as_env(
            extract, secret_name="orders-db", secret_key_to_env={"dsn": "ORDERS_DSN"}
        )
        convert = convert_currency(orders=extract.outputs["orders"], rates_url=rates_url)
        pub = publish(
            converted=convert.outputs["converted"], region=region, run_date=run_date, bucket=bucket
        )
        kubernetes.use_secret_as_env(
            pub, secret_name="reporting-db", secret_key_to_env={"dsn": "REPORTING_DSN"}
        )
        pub.set_retry(num_retries=2)


def main():
    parser = argparse.ArgumentParser()
    yesterday = (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
    parser.add_argument("--run-date", default=yesterday)
    parser.add_argument("--compile-only", action="store_true")
    args = parser.parse_args()

    compiler.Compiler().compile(nightly_orders, package_path="pipeline.yaml")
    if args.compile_only:
        return

    client = kfp.Client(host=os.environ.get("KFP_HOST", "http://ml-pipeline-ui.kubeflow:80"))
    run = client.create_run_from_pipeline_package(
        "pipeline.yaml",
        arguments={
            "run_date": args.run_date,
            "rates_url": os.environ.get("RATES_URL", "https://fx.internal/v1/latest?base=EUR"),
        },
        run_name=f"nightly-orders-{args.run_date}",
        experiment_name="nightly-orders",
    )
    print("submitted run", run.run_id)


if __name__ == "__main__":
    main()

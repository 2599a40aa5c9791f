#!/usr/bin/env python3
"""One-off experiment runner: `python run_sim.py --replicates 20 --steps 500`.

Runs once per experiment (by hand or from a CI job), then exits.
"""
import argparse
import os
import uuid

import boto3
from sqlalchemy import create_engine

from model import ClinicModel


def parse_args():
    p = argparse.ArgumentParser(description="Clinic queueing simulation")
    p.add_argument("--db-url", default=os.environ.get("SIM_DB_URL", "postgresql+psycopg://sim:sim@pg.lan/sim"))
    p.add_argument("--bucket", default=os.environ.get("SIM_BUCKET", "clinic-sim-results"))
    p.add_argument("--replicates", type=int, default=10)
    p.add_argument("--steps", type=int, default=300)
    p.add_argument("--doctors", type=int, default=6)
    return p.parse_args()


def main():
    args = parse_args()
    run_id = uuid.uuid4().hex[:12]
    engine = create_engine(args.db_url, pool_size=1, max_overflow=0)
    s3 = boto3.client("s3")
    try:
        for rep in range(args.replicates):
            model = ClinicModel(engine, run_id, rep, doctors=args.doctors, seed=rep)
            for _ in range(args.steps):
                model.step()
            model.flush()
            out = f"/tmp/{run_id}-rep{rep}.csv"
            model.datacollector.get_model_vars_dataframe().to_csv(out)
            s3.upload_file(out, args.bucket, f"{run_id}/rep{rep}.csv")
            print(f"replicate {rep}: done")
    finally:
        engine.dispose()
    print(f"run {run_id} complete")


if __name__ == "__main__":
    main()

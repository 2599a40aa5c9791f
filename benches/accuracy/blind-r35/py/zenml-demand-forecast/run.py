import argparse
import json
import os

from pipelines.forecast import demand_forecast


def main() -> None:
    parser = argparse.ArgumentParser(description="Run the weekly demand forecast")
    parser.add_argument("--horizon", type=int, default=8)
    args = parser.parse_args()
    tenants = sorted(json.loads(os.environ.get("TENANT_REDIS_URLS", "{}")))
    demand_forecast(tenants=tenants, horizon=args.horizon)


if __name__ == "__main__":
    main()

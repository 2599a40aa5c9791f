"""One-off training job: `train-defects --data /mnt/defects --epochs 8` (one process per run)."""
import argparse
import os

import requests
from fastai.vision.all import (
    ImageDataLoaders,
    Resize,
    accuracy,
    error_rate,
    resnet34,
    vision_learner,
)
from sqlalchemy import create_engine, text

from .callbacks import RunLogger


class BaseUrlSession(requests.Session):
    def __init__(self, base_url: str):
        super().__init__()
        self.base_url = base_url.rstrip("/")

    def request(self, method, url, *args, **kwargs):
        return super().request(method, self.base_url + url, *args, **kwargs)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--epochs", type=int, default=8)
    parser.add_argument("--arch", default="resnet34")
    args = parser.parse_args()

    engine = create_engine(os.environ["EXPERIMENTS_URL"], pool_size=2, max_overflow=0)
    try:
        with engine.begin() as conn:
            run_id = conn.execute(
                text("INSERT INTO runs (arch, epochs, data_path) VALUES (:a, :e, :d) RETURNING id"),
                {"a": args.arch, "e": args.epochs, "d": args.data},
            ).scalar_one()

        with BaseUrlSession(os.environ.get("NOTIFY_URL", "http://mlops.internal")) as http:
            dls = ImageDataLoaders.from_folder(
                args.data, valid_pct=0.2, seed=42, item_tfms=Resize(224)
            )
            learn = vision_learner(
                dls, resnet34, metrics=[accuracy, error_rate], cbs=[RunLogger(engine, http, run_id)]
            )
            learn.fine_tune(args.epochs)
            learn.export(f"/models/defects-{run_id}.pkl")

        with engine.begin() as conn:
            conn.execute(text("UPDATE runs SET finished_at = now() WHERE id = :r"), {"r": run_id})
    finally:
        engine.dispose()


if __name__ == "__main__":
    main()

"""Nightly churn retrain: `python train.py --snapshot 2024-09-30`."""
import argparse
import os
import uuid

import keras

from callbacks import CheckpointUploader, RunLedger, SlackProgress
from data import FEATURES, load_frames


def build_model(n_features: int) -> keras.Model:
    model = keras.Sequential(
        [
            keras.Input(shape=(n_features,)),
            keras.layers.Normalization(),
            keras.layers.Dense(64, activation="relu"),
            keras.layers.Dropout(0.2),
            keras.layers.Dense(32, activation="relu"),
            keras.layers.Dense(1, activation="sigmoid"),
        ]
    )
    model.compile(
        optimizer=keras.optimizers.Adam(1e-3),
        loss="binary_crossentropy",
        metrics=[keras.metrics.AUC(name="auc")],
    )
    return model


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--snapshot", required=True)
    parser.add_argument("--epochs", type=int, default=40)
    args = parser.parse_args()

    run_id = uuid.uuid4().hex
    (x_train, y_train), (x_val, y_val) = load_frames(os.environ["WAREHOUSE_URL"], args.snapshot)

    model = build_model(len(FEATURES))
    model.layers[0].adapt(x_train)
    model.fit(
        x_train,
        y_train,
        validation_data=(x_val, y_val),
        epochs=args.epochs,
        batch_size=256,
        callbacks=[
            keras.callbacks.EarlyStopping(monitor="val_auc", mode="max", patience=5),
            RunLedger(os.environ["MLOPS_DB_URL"], run_id),
            CheckpointUploader(os.environ["CKPT_BUCKET"], f"churn/{run_id}"),
            SlackProgress(os.environ["SLACK_WEBHOOK_URL"]),
        ],
    )
    model.save(f"churn-{run_id}.keras")


if __name__ == "__main__":
    main()

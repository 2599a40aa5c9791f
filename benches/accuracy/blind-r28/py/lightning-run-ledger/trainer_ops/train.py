"""Train the demand-forecast MLP and record the run in the ledger.

    python -m trainer_ops.train --epochs 20
"""
import argparse
import os

import lightning as L
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset, random_split

from trainer_ops.ledger_callback import RunLedgerCallback


class DemandMLP(L.LightningModule):
    def __init__(self, n_features: int = 24, hidden: int = 128, lr: float = 1e-3):
        super().__init__()
        self.save_hyperparameters()
        self.net = nn.Sequential(
            nn.Linear(n_features, hidden), nn.ReLU(), nn.Linear(hidden, hidden), nn.ReLU(), nn.Linear(hidden, 1)
        )
        self.loss = nn.MSELoss()

    def forward(self, x):
        return self.net(x).squeeze(-1)

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = self.loss(self(x), y)
        self.log("train_loss", loss, prog_bar=True)
        return loss

    def validation_step(self, batch, batch_idx):
        x, y = batch
        self.log("val_loss", self.loss(self(x), y), prog_bar=True)

    def configure_optimizers(self):
        return torch.optim.AdamW(self.parameters(), lr=self.hparams.lr)


def load_data(path: str, batch_size: int):
    tensors = torch.load(path)
    dataset = TensorDataset(tensors["x"], tensors["y"])
    n_val = max(1, len(dataset) // 10)
    train, val = random_split(dataset, [len(dataset) - n_val, n_val])
    return (
        DataLoader(train, batch_size=batch_size, shuffle=True, num_workers=2),
        DataLoader(val, batch_size=batch_size, num_workers=2),
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/demand.pt")
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--batch-size", type=int, default=256)
    args = parser.parse_args()

    train_dl, val_dl = load_data(args.data, args.batch_size)
    ledger = RunLedgerCallback(
        dsn=os.environ["RUN_LEDGER_URL"],
        webhook_url=os.environ.get("SLACK_WEBHOOK_URL"),
        every_n_steps=100,
    )
    trainer = L.Trainer(max_epochs=args.epochs, callbacks=[ledger], log_every_n_steps=50)
    trainer.fit(DemandMLP(), train_dl, val_dl)


if __name__ == "__main__":
    main()

"""Train the weld-defect classifier with PyTorch Ignite.

Handlers below are attached to the Ignite engines; Ignite fires them on
every iteration / epoch of a run that typically lasts several hours.
"""
import argparse
import os

import requests
import torch
from ignite.engine import Events, create_supervised_evaluator, create_supervised_trainer
from ignite.handlers import EarlyStopping
from ignite.metrics import Accuracy, Loss
from torch import nn
from torch.utils.data import DataLoader
from torchvision import datasets, models, transforms

import checkpoints
import tracking

LIVE_BOARD = os.environ.get("LIVE_BOARD_URL", "https://liveboard.internal.example.com/api/points")


def make_loaders(root: str, batch_size: int):
    tf = transforms.Compose([transforms.Resize((224, 224)), transforms.ToTensor()])
    train_ds = datasets.ImageFolder(os.path.join(root, "train"), transform=tf)
    val_ds = datasets.ImageFolder(os.path.join(root, "val"), transform=tf)
    return (
        DataLoader(train_ds, batch_size=batch_size, shuffle=True, num_workers=4),
        DataLoader(val_ds, batch_size=batch_size, num_workers=4),
        len(train_ds.classes),
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="/data/welds")
    ap.add_argument("--run", required=True)
    ap.add_argument("--epochs", type=int, default=30)
    ap.add_argument("--lr", type=float, default=3e-4)
    args = ap.parse_args()

    device = "cuda" if torch.cuda.is_available() else "cpu"
    train_loader, val_loader, n_classes = make_loaders(args.data, 64)
    model = models.resnet18(num_classes=n_classes).to(device)
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr)
    loss_fn = nn.CrossEntropyLoss()

    trainer = create_supervised_trainer(model, optimizer, loss_fn, device=device)
    evaluator = create_supervised_evaluator(
        model, metrics={"accuracy": Accuracy(), "loss": Loss(loss_fn)}, device=device
    )
    tracking.start_run(args.run, vars(args))

    @trainer.on(Events.ITERATION_COMPLETED(every=20))
    def push_live_loss(engine):
        board = requests.Session()
        board.headers["X-Run"] = args.run
        board.post(
            LIVE_BOARD,
            json={"iteration": engine.state.iteration, "loss": float(engine.state.output)},
            timeout=2,
        )

    @trainer.on(Events.EPOCH_COMPLETED)
    def validate(engine):
        evaluator.run(val_loader)
        m = evaluator.state.metrics
        tracking.log_metrics(args.run, engine.state.epoch, {"val_acc": m["accuracy"], "val_loss": m["loss"]})
        checkpoints.save_checkpoint(args.run, engine.state.epoch, model, m["accuracy"])

    evaluator.add_event_handler(
        Events.COMPLETED,
        EarlyStopping(patience=5, score_function=lambda e: e.state.metrics["accuracy"], trainer=trainer),
    )

    @trainer.on(Events.COMPLETED)
    def done(_engine):
        tracking.finish_run(args.run, "completed")

    @trainer.on(Events.EXCEPTION_RAISED)
    def failed(_engine, exc):
        tracking.finish_run(args.run, f"failed: {exc!r}")
        raise exc

    trainer.run(train_loader, max_epochs=args.epochs)


if __name__ == "__main__":
    main()

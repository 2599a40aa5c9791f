"""Trains the defect classifier with Composer and records the run."""
import argparse
import os

import torch
from composer import Trainer
from composer.models import ComposerClassifier
from torch.utils.data import DataLoader
from torchvision import datasets, transforms
from torchvision.models import resnet18

from callbacks import CheckpointPublisher, RunLedger


def loaders(data_dir: str, batch_size: int):
    tf = transforms.Compose(
        [transforms.Resize((224, 224)), transforms.ToTensor(),
         transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])]
    )
    train = datasets.ImageFolder(os.path.join(data_dir, "train"), transform=tf)
    val = datasets.ImageFolder(os.path.join(data_dir, "val"), transform=tf)
    return (
        DataLoader(train, batch_size=batch_size, shuffle=True, num_workers=4),
        DataLoader(val, batch_size=batch_size, num_workers=4),
        len(train.classes),
    )


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="/data/defects")
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--run-name", default=None)
    args = parser.parse_args()

    train_dl, val_dl, num_classes = loaders(args.data, args.batch_size)
    model = ComposerClassifier(resnet18(num_classes=num_classes), num_classes=num_classes)

    trainer = Trainer(
        model=model,
        train_dataloader=train_dl,
        eval_dataloader=val_dl,
        max_duration=f"{args.epochs}ep",
        optimizers=torch.optim.AdamW(model.parameters(), lr=3e-4),
        run_name=args.run_name,
        save_folder="{run_name}",
        save_filename="ep{epoch}.pt",
        save_interval="1ep",
        callbacks=[
            RunLedger(os.environ["LEDGER_DSN"], every_n_batches=25),
            CheckpointPublisher(
                bucket=os.environ.get("CKPT_BUCKET", "ml-checkpoints"),
                prefix="defects",
                webhook_url=os.environ.get("TEAM_WEBHOOK"),
            ),
        ],
        device="gpu" if torch.cuda.is_available() else "cpu",
    )
    try:
        trainer.fit()
    finally:
        trainer.close()


if __name__ == "__main__":
    main()

"""Model checkpoints stored in GridFS next to the run documents."""
import io
import os

import gridfs
import torch
from pymongo import MongoClient

client = MongoClient(os.environ["MLOPS_MONGO_URI"], serverSelectionTimeoutMS=5000)
_fs = gridfs.GridFS(client["mlops"], collection="checkpoints")


def save_checkpoint(run_name: str, epoch: int, model: torch.nn.Module, score: float) -> None:
    buf = io.BytesIO()
    torch.save(model.state_dict(), buf)
    _fs.put(buf.getvalue(), filename=f"{run_name}/epoch-{epoch:03d}.pt", run=run_name, epoch=epoch, score=score)

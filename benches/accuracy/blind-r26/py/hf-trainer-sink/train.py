import os

from datasets import load_dataset
from transformers import (
    AutoModelForSequenceClassification,
    AutoTokenizer,
    Trainer,
    TrainingArguments,
)

from callbacks import ExperimentSinkCallback
from runs_db import close_run, open_run

MODEL = os.environ.get("BASE_MODEL", "distilbert-base-uncased")
RUN_NAME = os.environ.get("RUN_NAME", "ticket-intent-v7")


def main():
    ds = load_dataset("csv", data_files={"train": "data/train.csv", "test": "data/test.csv"})
    tok = AutoTokenizer.from_pretrained(MODEL)
    ds = ds.map(lambda b: tok(b["text"], truncation=True, max_length=256), batched=True)
    labels = sorted(set(ds["train"]["label"]))

    model = AutoModelForSequenceClassification.from_pretrained(MODEL, num_labels=len(labels))
    args = TrainingArguments(
        output_dir=f"out/{RUN_NAME}",
        run_name=RUN_NAME,
        per_device_train_batch_size=32,
        num_train_epochs=4,
        learning_rate=3e-5,
        logging_steps=10,
        eval_strategy="steps",
        eval_steps=500,
        save_steps=500,
        report_to=[],
    )
    run_id = open_run(RUN_NAME, MODEL, args.to_dict())
    trainer = Trainer(
        model=model,
        args=args,
        train_dataset=ds["train"],
        eval_dataset=ds["test"],
        tokenizer=tok,
        callbacks=[ExperimentSinkCallback(run_id, RUN_NAME)],
    )
    try:
        trainer.train()
        close_run(run_id, "finished", trainer.evaluate())
    except Exception:
        close_run(run_id, "failed", {})
        raise


if __name__ == "__main__":
    main()

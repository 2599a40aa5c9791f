import hashlib
import io
import os

import boto3
import joblib
from label_studio_ml.model import LabelStudioMLBase
from label_studio_ml.response import ModelResponse
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sqlalchemy import create_engine, text

import audit
import db

BUCKET = os.environ.get("MODEL_BUCKET", "ml-models")


class SentimentModel(LabelStudioMLBase):
    """Label Studio ML backend: one instance is built for every /predict and /webhook call."""

    def setup(self):
        self.set("model_version", os.environ.get("MODEL_VERSION", "tfidf-lr-1"))
        self.s3 = boto3.client("s3", region_name=os.environ.get("AWS_REGION", "eu-west-1"))

    def _load_pipeline(self):
        key = f"sentiment/{self.project_id}/model.joblib"
        try:
            obj = self.s3.get_object(Bucket=BUCKET, Key=key)
        except self.s3.exceptions.NoSuchKey:
            return None
        return joblib.load(io.BytesIO(obj["Body"].read()))

    def predict(self, tasks, context=None, **kwargs) -> ModelResponse:
        from_name, to_name, value = self.label_interface.get_first_tag_occurence(
            "Choices", "Text"
        )
        pipeline = self._load_pipeline()
        known = db.known_labels(str(self.project_id))
        predictions = []
        for task in tasks:
            body = task["data"][value]
            digest = hashlib.sha256(body.encode()).hexdigest()
            if digest in known:
                label, score = known[digest], 1.0
            elif pipeline is not None:
                probs = pipeline.predict_proba([body])[0]
                best = probs.argmax()
                label, score = pipeline.classes_[best], float(probs[best])
            else:
                continue
            predictions.append(
                {
                    "model_version": self.get("model_version"),
                    "score": score,
                    "result": [
                        {
                            "from_name": from_name,
                            "to_name": to_name,
                            "type": "choices",
                            "value": {"choices": [label]},
                        }
                    ],
                }
            )
        audit.record("predict", str(self.project_id), {"tasks": len(tasks)})
        return ModelResponse(predictions=predictions)

    def fit(self, event, data, **kwargs):
        if event not in ("ANNOTATION_CREATED", "ANNOTATION_UPDATED", "START_TRAINING"):
            return
        project_id = str(self.project_id)
        rows = db.training_rows(project_id)
        if len(rows) < 20:
            return
        texts, labels = zip(*rows)
        pipeline = make_pipeline(TfidfVectorizer(min_df=2), LogisticRegression(max_iter=500))
        pipeline.fit(texts, labels)
        buf = io.BytesIO()
        joblib.dump(pipeline, buf)
        self.s3.put_object(
            Bucket=BUCKET, Key=f"sentiment/{project_id}/model.joblib", Body=buf.getvalue()
        )
        stats = create_engine(os.environ["STATS_URL"])
        with stats.begin() as conn:
            conn.execute(
                text("INSERT INTO retrain_runs (project_id, n_rows) VALUES (:p, :n)"),
                {"p": project_id, "n": len(rows)},
            )
        audit.record("fit", project_id, {"rows": len(rows), "event": event})

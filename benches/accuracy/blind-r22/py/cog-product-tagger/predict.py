"""Cog predictor: setup() runs once per container, predict() once per request."""
import io
import os
from typing import Any

import open_clip
import torch
from cog import BasePredictor, Input, Path
from PIL import Image

import clients

LABELS_COLLECTION = "taxonomy_labels"


class Predictor(BasePredictor):
    def setup(self) -> None:
        self.device = "cuda" if torch.cuda.is_available() else "cpu"
        self.model, _, self.preprocess = open_clip.create_model_and_transforms(
            "ViT-B-32", pretrained="/src/weights/vit-b-32.pt", device=self.device
        )
        self.tokenizer = open_clip.get_tokenizer("ViT-B-32")
        self.mongo = clients.make_mongo()
        self.http = clients.make_http()
        self.s3 = clients.RegionalS3()

        db = self.mongo[os.environ.get("CATALOG_DB", "catalog")]
        self.labels = [d["label"] for d in db[LABELS_COLLECTION].find({"active": True}, {"label": 1})]
        with torch.no_grad():
            tokens = self.tokenizer([f"a photo of {label}" for label in self.labels]).to(self.device)
            self.text_features = self.model.encode_text(tokens)
            self.text_features /= self.text_features.norm(dim=-1, keepdim=True)

    def _load_image(self, image: Path | None, s3_uri: str, region: str) -> Image.Image:
        if image is not None:
            return Image.open(image).convert("RGB")
        bucket, _, key = s3_uri.removeprefix("s3://").partition("/")
        body = self.s3.for_region(region).get_object(Bucket=bucket, Key=key)["Body"].read()
        return Image.open(io.BytesIO(body)).convert("RGB")

    def predict(
        self,
        sku: str = Input(description="Product SKU to tag"),
        image: Path = Input(description="Product photo", default=None),
        s3_uri: str = Input(description="s3://bucket/key of the photo", default=""),
        region: str = Input(description="AWS region of the bucket", default="eu-west-1"),
        top_k: int = Input(description="Number of tags", default=5, ge=1, le=20),
        write_back: bool = Input(description="Store tags in the catalog", default=True),
    ) -> Any:
        img = self._load_image(image, s3_uri, region)
        with torch.no_grad():
            features = self.model.encode_image(self.preprocess(img).unsqueeze(0).to(self.device))
            features /= features.norm(dim=-1, keepdim=True)
            scores = (features @ self.text_features.T).softmax(dim=-1)[0]
        best = scores.topk(top_k)
        tags = [
            {"label": self.labels[i], "score": round(float(s), 4)}
            for s, i in zip(best.values.tolist(), best.indices.tolist())
        ]
        if write_back:
            resp = self.http.patch(f"/v1/products/{sku}", json={"auto_tags": tags})
            resp.raise_for_status()
        return {"sku": sku, "tags": tags}

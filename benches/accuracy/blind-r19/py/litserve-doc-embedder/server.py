"""LitServe endpoint: embed a PDF stored in S3 and write the vectors to pgvector.

POST /predict {"bucket": "...", "key": "...", "caller": "..."}
"""
import io
import os

import boto3
import litserve as ls
import redis
from pypdf import PdfReader
from sentence_transformers import SentenceTransformer

import audit
import store

AWS_REGION = os.environ.get("AWS_REGION", "eu-west-1")
REDIS_HOST = os.environ.get("REDIS_HOST", "redis")
CHUNK_CHARS = 1200


class DocEmbedderAPI(ls.LitAPI):
    def setup(self, device):
        # once per worker
        self.model = SentenceTransformer("sentence-transformers/all-MiniLM-L6-v2", device=device)
        self.dedupe = redis.Redis(host=REDIS_HOST, port=6379, db=0)

    def decode_request(self, request):
        return {
            "bucket": request["bucket"],
            "key": request["key"],
            "caller": request.get("caller"),
        }

    def predict(self, job):
        if self.dedupe.sismember("embedded-docs", job["key"]):
            return {"key": job["key"], "chunks": 0, "caller": job["caller"], "skipped": True}

        s3 = boto3.client("s3", region_name=AWS_REGION)
        obj = s3.get_object(Bucket=job["bucket"], Key=job["key"])
        reader = PdfReader(io.BytesIO(obj["Body"].read()))
        text = "\n".join(page.extract_text() or "" for page in reader.pages)
        pieces = [text[i : i + CHUNK_CHARS] for i in range(0, len(text), CHUNK_CHARS)] or [""]

        vectors = self.model.encode(pieces, normalize_embeddings=True).tolist()
        n = store.upsert_chunks(job["key"], vectors)
        self.dedupe.sadd("embedded-docs", job["key"])
        return {"key": job["key"], "chunks": n, "caller": job["caller"], "skipped": False}

    def encode_response(self, output):
        audit.record(output["key"], output["chunks"], output["caller"])
        usage = redis.Redis(host=REDIS_HOST, port=6379, db=2)
        usage.hincrby("embed-usage", output["caller"] or "anonymous", output["chunks"])
        return {"document": output["key"], "chunks": output["chunks"], "skipped": output["skipped"]}


if __name__ == "__main__":
    server = ls.LitServer(DocEmbedderAPI(), accelerator="auto", workers_per_device=2, timeout=120)
    server.run(port=int(os.environ.get("PORT", "8000")))

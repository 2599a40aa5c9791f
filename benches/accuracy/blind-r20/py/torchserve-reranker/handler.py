import json
import os
import time
import urllib.request

from sentence_transformers import CrossEncoder
from ts.torch_handler.base_handler import BaseHandler

from clients import make_metrics_sink, make_passage_pool


class RerankHandler(BaseHandler):
    """TorchServe calls initialize() once per worker and handle() once per batch."""

    def __init__(self):
        super().__init__()
        self.initialized = False
        self.pool = None
        self.metrics = None

    def initialize(self, context):
        cfg = context.model_yaml_config.get("handler", {})
        self.model = CrossEncoder(cfg.get("model_name", "cross-encoder/ms-marco-MiniLM-L-6-v2"))
        self.pool = make_passage_pool(os.environ[cfg.get("passages_dsn_env", "PASSAGES_DSN")])
        self.metrics = make_metrics_sink()
        self.webhook = os.environ.get("RERANK_SLOW_WEBHOOK")
        self.initialized = True

    def preprocess(self, data):
        reqs = []
        for row in data:
            body = row.get("body") or row.get("data")
            if isinstance(body, (bytes, bytearray)):
                body = json.loads(body)
            reqs.append(body)
        ids = sorted({pid for r in reqs for pid in r["passage_ids"]})
        with self.pool.connection() as conn:
            rows = conn.execute("SELECT id, text FROM passages WHERE id = ANY(%s)", (ids,)).fetchall()
        texts = dict(rows)
        return [(r["query"], [(pid, texts.get(pid, "")) for pid in r["passage_ids"]]) for r in reqs]

    def inference(self, batch, *args, **kwargs):
        out = []
        for query, passages in batch:
            scores = self.model.predict([(query, t) for _, t in passages])
            out.append(sorted(zip((p for p, _ in passages), map(float, scores)), key=lambda x: -x[1]))
        return out

    def postprocess(self, ranked):
        return [[{"passage_id": pid, "score": s} for pid, s in r] for r in ranked]

    def handle(self, data, context):
        started = time.perf_counter()
        result = self.postprocess(self.inference(self.preprocess(data)))
        elapsed_ms = (time.perf_counter() - started) * 1000
        self.metrics.put_metric_data(
            Namespace="Reranker",
            MetricData=[{"MetricName": "BatchLatency", "Value": elapsed_ms, "Unit": "Milliseconds"}],
        )
        if self.webhook and elapsed_ms > 2000:
            # plain urllib: one short request, no connection pool involved
            req = urllib.request.Request(
                self.webhook,
                data=json.dumps({"text": f"slow rerank batch: {elapsed_ms:.0f} ms"}).encode(),
                headers={"Content-Type": "application/json"},
            )
            urllib.request.urlopen(req, timeout=3).close()
        return result

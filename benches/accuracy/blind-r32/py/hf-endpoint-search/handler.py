"""Custom handler for a Hugging Face Inference Endpoint.

The endpoint runtime imports this module, builds EndpointHandler(path) once per
replica, then calls the instance for every POST request.
"""
from typing import Any, Dict, List

from sentence_transformers import SentenceTransformer

import clients
import retrieval


class EndpointHandler:
    def __init__(self, path: str = ""):
        self.model = SentenceTransformer(path or "sentence-transformers/all-MiniLM-L6-v2")
        self.pool = clients.make_pool()
        self.http = clients.make_http()

    def __call__(self, data: Dict[str, Any]) -> List[Dict[str, Any]]:
        inputs = data.pop("inputs", data)
        params = data.pop("parameters", {}) or {}
        k = min(int(params.get("top_k", 10)), 50)
        queries = inputs if isinstance(inputs, list) else [inputs]
        vectors = self.model.encode(queries, normalize_embeddings=True)
        results = []
        for query, vector in zip(queries, vectors):
            hits = retrieval.nearest_products(self.pool, vector, k)
            if params.get("with_prices", True):
                hits = retrieval.attach_prices(self.http, hits)
            results.append({"query": query, "hits": hits})
        return results

"""Triton Python backend: cross-encoder reranker.

Triton creates one TritonPythonModel per model instance (instance_group count),
calls initialize() once, execute() for every batch of requests, and finalize()
on unload.
"""
import json
import os

import numpy as np
import requests
import triton_python_backend_utils as pb_utils
from requests.adapters import HTTPAdapter
from sentence_transformers import CrossEncoder
from sqlalchemy import bindparam, create_engine, text
from sqlalchemy.orm import sessionmaker

PASSAGES_SQL = text("SELECT id, body FROM passages WHERE id IN :ids").bindparams(
    bindparam("ids", expanding=True)
)


class TritonPythonModel:
    def initialize(self, args):
        self.model_config = json.loads(args["model_config"])
        device = "cuda" if args["model_instance_kind"] == "GPU" else "cpu"
        self.encoder = CrossEncoder("cross-encoder/ms-marco-MiniLM-L-6-v2", device=device)

        self.engine = create_engine(
            os.environ.get("PASSAGES_DB_URL", "postgresql+psycopg2://search@passages-db:5432/search"),
            pool_size=4,
            max_overflow=2,
            pool_pre_ping=True,
        )
        self.Session = sessionmaker(bind=self.engine)

        self.http = requests.Session()
        self.http.mount("http://", HTTPAdapter(pool_connections=2, pool_maxsize=8))
        self.feedback_url = os.environ.get("FEEDBACK_URL", "http://feedback.search.svc:8080/impressions")

    def _load_passages(self, doc_ids: list[int]) -> dict[int, str]:
        with self.Session() as session:
            rows = session.execute(PASSAGES_SQL, {"ids": doc_ids}).all()
        return {row.id: row.body for row in rows}

    def execute(self, requests_):
        responses = []
        impressions = []
        for request in requests_:
            query = pb_utils.get_input_tensor_by_name(request, "QUERY").as_numpy().reshape(-1)[0]
            query = query.decode("utf-8") if isinstance(query, bytes) else str(query)
            doc_ids = pb_utils.get_input_tensor_by_name(request, "DOC_IDS").as_numpy().reshape(-1).tolist()

            try:
                passages = self._load_passages(doc_ids)
                pairs = [(query, passages.get(d, "")) for d in doc_ids]
                scores = np.asarray(self.encoder.predict(pairs), dtype=np.float32)
                out = pb_utils.Tensor("SCORES", scores)
                responses.append(pb_utils.InferenceResponse(output_tensors=[out]))
                impressions.append({"query": query, "doc_ids": doc_ids, "scores": scores.tolist()})
            except Exception as exc:  # report per-request failures, keep the batch going
                responses.append(
                    pb_utils.InferenceResponse(output_tensors=[], error=pb_utils.TritonError(str(exc)))
                )

        if impressions:
            try:
                self.http.post(self.feedback_url, json={"impressions": impressions}, timeout=2)
            except requests.RequestException:
                pass
        return responses

    def finalize(self):
        self.http.close()
        self.engine.dispose()

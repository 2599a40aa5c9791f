from datetime import datetime, timezone

import boto3
from docarray import DocList
from jina import Executor, requests
from qdrant_client import QdrantClient
from sentence_transformers import SentenceTransformer
from sqlalchemy import Boolean, DateTime, String, create_engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

from docs import FeedbackDoc, ProductHit, QueryDoc, ResultDoc


class Base(DeclarativeBase):
    pass


class SearchFeedback(Base):
    __tablename__ = "search_feedback"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[str] = mapped_column(String(64), index=True)
    query: Mapped[str] = mapped_column(String(512))
    sku: Mapped[str] = mapped_column(String(64))
    clicked: Mapped[bool] = mapped_column(Boolean)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))


class ProductSearch(Executor):
    def __init__(self, qdrant_url: str, collection: str, feedback_dsn: str,
                 image_bucket: str, model_name: str, **kwargs):
        super().__init__(**kwargs)
        # Built once per replica.
        self._model = SentenceTransformer(model_name)
        self._qdrant = QdrantClient(url=qdrant_url, timeout=5)
        self._collection = collection
        self._bucket = image_bucket
        self._engine = create_engine(feedback_dsn, pool_size=5, max_overflow=2, pool_pre_ping=True)
        self._Session = sessionmaker(self._engine, expire_on_commit=False)

    @requests(on="/search")
    def search(self, docs: DocList[QueryDoc], **kwargs) -> DocList[ResultDoc]:
        s3 = boto3.client("s3")
        vectors = self._model.encode([d.text for d in docs], normalize_embeddings=True)
        results = DocList[ResultDoc]()
        for doc, vector in zip(docs, vectors):
            points = self._qdrant.search(
                collection_name=self._collection,
                query_vector=vector.tolist(),
                limit=doc.limit,
                with_payload=True,
            )
            hits = []
            for p in points:
                image_key = p.payload.get("image_key")
                url = None
                if image_key:
                    url = s3.generate_presigned_url(
                        "get_object",
                        Params={"Bucket": self._bucket, "Key": image_key},
                        ExpiresIn=900,
                    )
                hits.append(ProductHit(sku=p.payload["sku"], title=p.payload["title"],
                                       score=p.score, image_url=url))
            results.append(ResultDoc(query=doc.text, hits=hits))
        return results

    @requests(on="/feedback")
    def feedback(self, docs: DocList[FeedbackDoc], **kwargs) -> DocList[FeedbackDoc]:
        session = self._Session()
        now = datetime.now(timezone.utc)
        session.add_all([
            SearchFeedback(session_id=d.session_id, query=d.query, sku=d.sku,
                           clicked=d.clicked, created_at=now)
            for d in docs
        ])
        session.commit()
        return docs

    def close(self):
        self._qdrant.close()
        self._engine.dispose()
        super().close()

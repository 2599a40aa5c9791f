"""Vector store on Postgres + pgvector."""
import os

from pgvector.sqlalchemy import Vector
from sqlalchemy import Column, DateTime, Integer, MetaData, String, Table, create_engine, func
from sqlalchemy.dialects.postgresql import insert

DATABASE_URL = os.environ.get("DATABASE_URL", "postgresql+psycopg2://embedder:embedder@pg:5432/docs")

engine = create_engine(DATABASE_URL, pool_size=5, max_overflow=5, pool_pre_ping=True)

metadata = MetaData()

chunks = Table(
    "doc_chunks",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_key", String, nullable=False),
    Column("chunk_no", Integer, nullable=False),
    Column("embedding", Vector(384), nullable=False),
    Column("created_at", DateTime(timezone=True), server_default=func.now()),
)


def upsert_chunks(document_key: str, vectors: list[list[float]]) -> int:
    rows = [
        {"document_key": document_key, "chunk_no": i, "embedding": vec}
        for i, vec in enumerate(vectors)
    ]
    stmt = insert(chunks).values(rows).on_conflict_do_nothing()
    with engine.begin() as conn:
        conn.execute(stmt)
    return len(rows)

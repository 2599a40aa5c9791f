"""DSPy retrieval model backed by a pgvector table of knowledge-base chunks."""
import dspy
from psycopg_pool import ConnectionPool

from kbqa.embed import embed

SEARCH_SQL = """
    SELECT c.body, a.title, a.url, 1 - (c.embedding <=> %(q)s) AS score
    FROM kb_chunks c
    JOIN kb_articles a ON a.id = c.article_id
    WHERE a.published
    ORDER BY c.embedding <=> %(q)s
    LIMIT %(k)s
"""


class PgVectorRM(dspy.Retrieve):
    """Borrows a connection from the shared pool for each search."""

    def __init__(self, pool: ConnectionPool, k: int = 4, min_score: float = 0.25):
        super().__init__(k=k)
        self.pool = pool
        self.min_score = min_score

    def forward(self, query_or_queries, k: int | None = None, **kwargs) -> dspy.Prediction:
        queries = [query_or_queries] if isinstance(query_or_queries, str) else list(query_or_queries)
        k = k or self.k
        passages: list[str] = []
        sources: list[str] = []
        vectors = embed(queries)
        with self.pool.connection() as conn:
            for vec in vectors:
                rows = conn.execute(SEARCH_SQL, {"q": vec, "k": k}).fetchall()
                for body, title, url, score in rows:
                    if score < self.min_score or url in sources:
                        continue
                    passages.append(f"{title}\n{body}")
                    sources.append(url)
        return dspy.Prediction(passages=passages[:k], sources=sources[:k])


class SupportAnswer(dspy.Signature):
    """Answer a support agent's question using only the knowledge-base context."""

    context: list[str] = dspy.InputField(desc="relevant knowledge-base passages")
    question: str = dspy.InputField()
    answer: str = dspy.OutputField(desc="short answer; say 'not in the KB' when unsure")


class KBQA(dspy.Module):
    def __init__(self, retriever: PgVectorRM):
        super().__init__()
        self.retrieve = retriever
        self.answer = dspy.ChainOfThought(SupportAnswer)

    def forward(self, question: str) -> dspy.Prediction:
        hits = self.retrieve(question)
        pred = self.answer(context=hits.passages, question=question)
        return dspy.Prediction(answer=pred.answer, sources=getattr(hits, "sources", []))

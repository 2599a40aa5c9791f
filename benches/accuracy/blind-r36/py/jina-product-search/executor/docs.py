from typing import List, Optional

from docarray import BaseDoc


class QueryDoc(BaseDoc):
    text: str
    limit: int = 10
    session_id: Optional[str] = None


class ProductHit(BaseDoc):
    sku: str
    title: str
    score: float
    image_url: Optional[str] = None


class ResultDoc(BaseDoc):
    query: str
    hits: List[ProductHit] = []


class FeedbackDoc(BaseDoc):
    session_id: str
    query: str
    sku: str
    clicked: bool = True

"""Custom spaCy pipeline components used to route support tickets."""
import re

import psycopg
from spacy.language import Language
from spacy.tokens import Doc

from .clients import DATABASE_URL, make_cache

SKU_RE = re.compile(r"\b[A-Z]{2,4}-\d{3,6}\b")

for _ext in ("skus", "customer_tier"):
    if not Doc.has_extension(_ext):
        Doc.set_extension(_ext, default=None)


@Language.factory("sku_linker", default_config={"min_stock": 1})
def create_sku_linker(nlp: Language, name: str, min_stock: int):
    return SkuLinker(min_stock)


class SkuLinker:
    """Finds product codes in the ticket and attaches catalogue rows."""

    def __init__(self, min_stock: int):
        self.min_stock = min_stock

    def __call__(self, doc: Doc) -> Doc:
        codes = sorted({m.group(0) for m in SKU_RE.finditer(doc.text)})
        if not codes:
            doc._.skus = []
            return doc
        with psycopg.connect(DATABASE_URL, connect_timeout=5) as conn:
            rows = conn.execute(
                "SELECT sku, title, stock FROM catalog.products WHERE sku = ANY(%s)",
                (codes,),
            ).fetchall()
        doc._.skus = [
            {"sku": sku, "title": title, "in_stock": stock >= self.min_stock}
            for sku, title, stock in rows
        ]
        return doc


@Language.factory("customer_tier")
def create_customer_tier(nlp: Language, name: str):
    return CustomerTier()


class CustomerTier:
    """Looks up the sender's support tier from the CRM cache."""

    def __call__(self, doc: Doc) -> Doc:
        emails = [tok.text.lower() for tok in doc if tok.like_email]
        if not emails:
            doc._.customer_tier = "unknown"
            return doc
        cache = make_cache()
        tier = cache.hget("crm:tier", emails[0])
        doc._.customer_tier = tier or "standard"
        return doc

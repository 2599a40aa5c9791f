import os

import chromadb


def vector_client():
    return chromadb.HttpClient(
        host=os.environ.get("CHROMA_HOST", "chroma"),
        port=int(os.environ.get("CHROMA_PORT", "8000")),
    )

import os

PG_DSN = os.environ.get("PG_DSN", "postgresql://enricher@pg:5432/listings")
MILVUS_URI = os.environ.get("MILVUS_URI", "http://milvus:19530")
MILVUS_TOKEN = os.environ.get("MILVUS_TOKEN", "root:Milvus")
GEOCODER_URL = os.environ.get("GEOCODER_URL", "https://geo.internal/v1/geocode")
EMBED_URL = os.environ.get("EMBED_URL", "https://embed.internal/v1/embeddings")
API_KEY = os.environ.get("INTERNAL_API_KEY", "")
BATCH = int(os.environ.get("BATCH", "200"))
WORKERS = int(os.environ.get("WORKERS", "16"))

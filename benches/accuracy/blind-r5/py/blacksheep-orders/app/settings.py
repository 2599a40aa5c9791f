import os

DATABASE_URL = os.environ.get(
    "DATABASE_URL", "postgresql+asyncpg://shop:shop@localhost:5432/shop"
)

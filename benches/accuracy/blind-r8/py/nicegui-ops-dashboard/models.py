import os
from datetime import datetime
from typing import Optional

from sqlmodel import Field, SQLModel, create_engine


class Acknowledgement(SQLModel, table=True):
    id: Optional[int] = Field(default=None, primary_key=True)
    alert_id: str = Field(index=True)
    user: str
    at: datetime = Field(default_factory=datetime.utcnow)


engine = create_engine(
    os.environ.get("DATABASE_URL", "postgresql+psycopg2://ops:ops@localhost/ops"),
    pool_size=5,
    pool_pre_ping=True,
)

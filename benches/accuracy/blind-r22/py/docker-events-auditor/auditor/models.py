"""Audit table for container lifecycle events."""
from datetime import datetime

from sqlalchemy import BigInteger, DateTime, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class ContainerEvent(Base):
    __tablename__ = "container_events"

    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=True)
    host: Mapped[str] = mapped_column(String(128), index=True)
    container_id: Mapped[str] = mapped_column(String(64), index=True)
    container_name: Mapped[str] = mapped_column(String(255))
    image: Mapped[str] = mapped_column(String(512))
    action: Mapped[str] = mapped_column(String(32), index=True)
    exit_code: Mapped[int | None] = mapped_column(Integer, nullable=True)
    compose_project: Mapped[str | None] = mapped_column(String(128), nullable=True)
    occurred_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    raw: Mapped[str] = mapped_column(Text)


def from_docker_event(host: str, event: dict) -> ContainerEvent:
    import json

    attrs = event.get("Actor", {}).get("Attributes", {})
    exit_code = attrs.get("exitCode")
    return ContainerEvent(
        host=host,
        container_id=event["Actor"]["ID"],
        container_name=attrs.get("name", ""),
        image=attrs.get("image", ""),
        action=event["Action"],
        exit_code=int(exit_code) if exit_code is not None else None,
        compose_project=attrs.get("com.docker.compose.project"),
        occurred_at=datetime.utcfromtimestamp(event["timeNano"] / 1e9),
        raw=json.dumps(event, separators=(",", ":")),
    )

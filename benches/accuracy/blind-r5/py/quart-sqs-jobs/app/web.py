"""HTTP API process (hypercorn app.web:app)."""
import asyncio
import json
import os
from datetime import datetime, timezone

import boto3
from quart import Quart, abort, request
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine

from app.models import Job

DATABASE_URL = os.environ.get(
    "DATABASE_URL", "postgresql+asyncpg://jobs:jobs@localhost:5432/jobs"
)
QUEUE_URL = os.environ["JOBS_QUEUE_URL"]

engine = create_async_engine(DATABASE_URL, pool_size=5, max_overflow=5)
SessionLocal = async_sessionmaker(engine, expire_on_commit=False)

app = Quart(__name__)


@app.before_serving
async def create_clients() -> None:
    app.sqs = boto3.client("sqs", region_name=os.environ.get("AWS_REGION", "eu-west-1"))


@app.after_serving
async def close_clients() -> None:
    app.sqs.close()
    await engine.dispose()


@app.post("/jobs")
async def submit_job():
    payload = await request.get_json()
    async with SessionLocal() as session:
        async with session.begin():
            job = Job(
                kind=payload["kind"],
                status="queued",
                updated_at=datetime.now(timezone.utc),
            )
            session.add(job)
    await asyncio.to_thread(
        app.sqs.send_message,
        QueueUrl=QUEUE_URL,
        MessageBody=json.dumps({"job_id": job.id, "args": payload.get("args", {})}),
    )
    return {"id": job.id, "status": job.status}, 202


@app.get("/jobs/<int:job_id>")
async def job_status(job_id: int):
    async with SessionLocal() as session:
        job = await session.get(Job, job_id)
    if job is None:
        abort(404)
    return {"id": job.id, "status": job.status, "result": job.result}

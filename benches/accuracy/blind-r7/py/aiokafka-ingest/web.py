"""Read API over the ingested readings (uvicorn process, see Procfile)."""
import contextlib
import os

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import async_sessionmaker, create_async_engine
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route

from models import Reading


@contextlib.asynccontextmanager
async def lifespan(app):
    engine = create_async_engine(os.environ["DATABASE_URL"], pool_size=10, max_overflow=5)
    app.state.sessions = async_sessionmaker(engine, expire_on_commit=False)
    yield
    await engine.dispose()


async def latest(request):
    device_id = request.path_params["device_id"]
    stmt = (
        select(Reading)
        .where(Reading.device_id == device_id)
        .order_by(Reading.recorded_at.desc())
        .limit(1)
    )
    async with request.app.state.sessions() as session:
        reading = (await session.execute(stmt)).scalar_one_or_none()
    if reading is None:
        return JSONResponse({"error": "no readings"}, status_code=404)
    return JSONResponse(
        {"metric": reading.metric, "value": reading.value, "at": reading.recorded_at.isoformat()}
    )


async def stats(request):
    device_id = request.path_params["device_id"]
    stmt = (
        select(Reading.metric, func.avg(Reading.value), func.max(Reading.value), func.count())
        .where(Reading.device_id == device_id)
        .group_by(Reading.metric)
    )
    async with request.app.state.sessions() as session:
        rows = (await session.execute(stmt)).all()
    return JSONResponse({m: {"avg": avg, "max": mx, "n": n} for m, avg, mx, n in rows})


app = Starlette(
    routes=[
        Route("/devices/{device_id}/latest", latest),
        Route("/devices/{device_id}/stats", stats),
    ],
    lifespan=lifespan,
)

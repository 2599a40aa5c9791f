"""uvicorn opsdash.app:app --workers 2"""
from contextlib import asynccontextmanager

from fastapi import FastAPI
from reactpy.backend.fastapi import configure

from opsdash import statuspage
from opsdash.components import Dashboard
from opsdash.db import engine


@asynccontextmanager
async def lifespan(_app: FastAPI):
    yield
    await statuspage.client().aclose()
    await engine.dispose()


app = FastAPI(lifespan=lifespan)
configure(app, Dashboard)

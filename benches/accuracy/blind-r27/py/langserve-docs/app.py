"""LangServe app exposing the docs search chain at /search."""
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, HTTPException, Request
from langserve import add_routes

from chain import search_chain
from clients import close_all

TENANT_HEADER = "x-tenant-id"
KNOWN_TENANTS = {"acme", "globex", "initech", "public"}


@asynccontextmanager
async def lifespan(app: FastAPI):
    yield
    close_all()


app = FastAPI(
    title="Docs search",
    version="1.2.0",
    description="Tenant-scoped retrieval over product documentation",
    lifespan=lifespan,
)


async def per_request_config(config: dict[str, Any], request: Request) -> dict[str, Any]:
    tenant = request.headers.get(TENANT_HEADER, "public").lower()
    if tenant not in KNOWN_TENANTS:
        raise HTTPException(status_code=403, detail="unknown tenant")
    config = dict(config)
    config.setdefault("configurable", {})
    config["configurable"] = {**config["configurable"], "tenant": tenant}
    return config


add_routes(
    app,
    search_chain,
    path="/search",
    config_keys=["configurable"],
    per_req_config_modifier=per_request_config,
    enabled_endpoints=["invoke", "batch", "stream", "input_schema", "output_schema"],
)


@app.get("/healthz")
def healthz():
    return {"ok": True}


if __name__ == "__main__":
    import uvicorn

    uvicorn.run(app, host="0.0.0.0", port=8000)

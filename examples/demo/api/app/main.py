from fastapi import FastAPI

from app.routers import orders, reports

app = FastAPI(title="Shop API")
app.include_router(orders.router)
app.include_router(reports.router)


@app.get("/health")
async def health():
    return {"status": "ok"}

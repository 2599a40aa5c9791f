from blacksheep import Application

from app.db import engine
from app.reporting.database import report_engine
from app.routes import router

# run with: uvicorn app.main:app --port 8000
app = Application(router=router)


async def dispose_engines(application: Application) -> None:
    await engine.dispose()
    await report_engine.dispose()


app.on_stop += dispose_engines

import os

import httpx
from taskiq import TaskiqEvents, TaskiqScheduler, TaskiqState
from taskiq.schedule_sources import LabelScheduleSource
from taskiq_redis import ListQueueBroker, RedisAsyncResultBackend

REDIS_URL = os.environ.get("REDIS_URL", "redis://localhost:6379/0")

broker = ListQueueBroker(url=REDIS_URL).with_result_backend(
    RedisAsyncResultBackend(redis_url=REDIS_URL, result_ex_time=3600)
)
scheduler = TaskiqScheduler(broker=broker, sources=[LabelScheduleSource(broker)])


@broker.on_event(TaskiqEvents.WORKER_STARTUP)
async def startup(state: TaskiqState) -> None:
    state.payments = httpx.AsyncClient(
        base_url=os.environ["PAYMENTS_API_URL"],
        headers={"Authorization": f"Bearer {os.environ['PAYMENTS_API_KEY']}"},
        timeout=10.0,
    )


@broker.on_event(TaskiqEvents.WORKER_SHUTDOWN)
async def shutdown(state: TaskiqState) -> None:
    await state.payments.aclose()

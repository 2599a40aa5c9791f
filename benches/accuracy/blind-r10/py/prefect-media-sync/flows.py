import os

import requests
from prefect import flow, get_run_logger, task
from prefect.task_runners import ConcurrentTaskRunner
from sqlalchemy import create_engine, text

from storage import upload_to_s3
from warehouse import record_keys

API_URL = os.environ.get("DAM_API_URL", "https://dam.example.com/api")
API_TOKEN = os.environ.get("DAM_API_TOKEN", "")


@task(retries=3, retry_delay_seconds=10)
def fetch_page(page: int) -> list[dict]:
    session = requests.Session()
    session.headers["Authorization"] = f"Bearer {API_TOKEN}"
    resp = session.get(f"{API_URL}/assets", params={"page": page, "per_page": 100}, timeout=30)
    resp.raise_for_status()
    return resp.json()["items"]


@task(retries=2)
def mirror_asset(item: dict) -> str:
    return upload_to_s3(item["download_url"], item["id"])


@task
def archive_batch(rows: list[dict]) -> int:
    archive = create_engine(os.environ["ARCHIVE_DATABASE_URL"])
    with archive.begin() as conn:
        conn.execute(
            text("INSERT INTO asset_history (asset_id, title, updated_at) VALUES (:id, :title, :updated_at)"),
            rows,
        )
    return len(rows)


@task
def save_keys(keys: list[str]) -> int:
    return record_keys(keys)


@flow(task_runner=ConcurrentTaskRunner(), log_prints=True)
def sync_media(pages: int = 20, batch_size: int = 500) -> None:
    logger = get_run_logger()
    page_futures = fetch_page.map(list(range(1, pages + 1)))
    items = [item for fut in page_futures for item in fut.result()]
    logger.info("fetched %d assets", len(items))

    key_futures = mirror_asset.map(items)
    keys = [f.result() for f in key_futures]
    save_keys(keys)

    batches = [items[i : i + batch_size] for i in range(0, len(items), batch_size)]
    archived = archive_batch.map(batches)
    logger.info("archived %d rows", sum(f.result() for f in archived))


if __name__ == "__main__":
    sync_media.serve(name="media-sync", cron="*/15 * * * *")

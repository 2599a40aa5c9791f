import clients
from tasks import export_tenant_events, hatchet, schedule_daily_exports


def main() -> None:
    clients.pool.open(wait=True, timeout=60)
    worker = hatchet.worker("tenant-exporter", slots=8, workflows=[export_tenant_events, schedule_daily_exports])
    try:
        worker.start()
    finally:
        clients.close_all()


if __name__ == "__main__":
    main()

import logging
import time

from apscheduler.schedulers.background import BackgroundScheduler

import jobs


def main():
    logging.basicConfig(level=logging.INFO)
    scheduler = BackgroundScheduler(timezone="UTC")
    scheduler.add_job(jobs.export_daily_sales, "cron", hour=2, minute=15, id="export_daily_sales")
    scheduler.add_job(jobs.refresh_exchange_rates, "interval", minutes=15, id="fx")
    scheduler.add_job(jobs.purge_stale_sessions, "interval", hours=1, id="purge_sessions")
    scheduler.start()
    try:
        while True:
            time.sleep(60)
    except (KeyboardInterrupt, SystemExit):
        scheduler.shutdown()


if __name__ == "__main__":
    main()

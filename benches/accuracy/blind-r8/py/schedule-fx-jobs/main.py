import logging
import time

import schedule

from jobs import export_daily_report, purge_stale_history, sync_exchange_rates


def main() -> None:
    logging.basicConfig(level=logging.INFO)
    schedule.every(15).minutes.do(sync_exchange_rates)
    schedule.every().day.at("02:30").do(export_daily_report)
    schedule.every().hour.do(purge_stale_history)
    while True:
        schedule.run_pending()
        time.sleep(1)


if __name__ == "__main__":
    main()

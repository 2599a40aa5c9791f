import logging

from ib_insync import IB, Stock, util

import handlers
import settings
from db import Base, engine


def main():
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s %(message)s")
    Base.metadata.create_all(engine)

    ib = IB()
    ib.errorEvent += handlers.on_error
    ib.execDetailsEvent += handlers.on_exec_details
    ib.commissionReportEvent += handlers.on_commission_report
    ib.connect(settings.IB_HOST, settings.IB_PORT, clientId=settings.IB_CLIENT_ID)

    subscriptions = []
    for symbol in settings.WATCHLIST:
        contract = Stock(symbol, "SMART", "USD")
        ib.qualifyContracts(contract)
        bars = ib.reqRealTimeBars(contract, 5, "TRADES", False)
        bars.updateEvent += handlers.make_bar_handler(symbol)
        subscriptions.append(bars)

    try:
        ib.run()
    finally:
        for bars in subscriptions:
            ib.cancelRealTimeBars(bars)
        ib.disconnect()
        engine.dispose()


if __name__ == "__main__":
    util.logToConsole(logging.WARNING)
    main()

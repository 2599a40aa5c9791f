"""Headless launcher for the desk's CTA strategies (runs all trading session long)."""

import os
import sys
from datetime import datetime, time
from logging import INFO
from time import sleep

from vnpy.event import EventEngine
from vnpy.trader.engine import MainEngine
from vnpy.trader.setting import SETTINGS
from vnpy_ctastrategy import CtaEngine, CtaStrategyApp
from vnpy_ctastrategy.base import EVENT_CTA_LOG
from vnpy_ctp import CtpGateway

SETTINGS["log.active"] = True
SETTINGS["log.level"] = INFO
SETTINGS["log.console"] = True

CTP_SETTING = {
    "用户名": os.environ["CTP_USER"],
    "密码": os.environ["CTP_PASSWORD"],
    "经纪商代码": os.environ.get("CTP_BROKER", "9999"),
    "交易服务器": os.environ["CTP_TD_ADDRESS"],
    "行情服务器": os.environ["CTP_MD_ADDRESS"],
    "产品名称": os.environ.get("CTP_APP_ID", "simnow_client_test"),
    "授权编码": os.environ.get("CTP_AUTH_CODE", "0000000000000000"),
}

DAY_START, DAY_END = time(8, 45), time(15, 5)
NIGHT_START, NIGHT_END = time(20, 45), time(2, 45)

STRATEGIES = [
    ("DonchianJournalStrategy", "rb_donchian", "rb2501.SHFE", {"entry_window": 20}),
    ("DonchianJournalStrategy", "hc_donchian", "hc2501.SHFE", {"entry_window": 30}),
]


def in_trading_period() -> bool:
    now = datetime.now().time()
    return DAY_START <= now <= DAY_END or now >= NIGHT_START or now <= NIGHT_END


def run() -> None:
    event_engine = EventEngine()
    main_engine = MainEngine(event_engine)
    main_engine.add_gateway(CtpGateway)
    cta_engine: CtaEngine = main_engine.add_app(CtaStrategyApp)
    main_engine.write_log("main engine created")

    log_engine = main_engine.get_engine("log")
    event_engine.register(EVENT_CTA_LOG, log_engine.process_log_event)

    main_engine.connect(CTP_SETTING, "CTP")
    sleep(10)

    cta_engine.init_engine()
    for class_name, name, vt_symbol, setting in STRATEGIES:
        if name not in cta_engine.strategies:
            cta_engine.add_strategy(class_name, name, vt_symbol, setting)
    cta_engine.init_all_strategies()
    sleep(60)
    cta_engine.start_all_strategies()

    while in_trading_period():
        sleep(10)

    cta_engine.stop_all_strategies()
    main_engine.close()


if __name__ == "__main__":
    sys.exit(run())

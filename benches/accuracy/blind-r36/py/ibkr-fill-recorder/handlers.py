import json
import logging

import httpx
import redis

import settings
from db import Fill, SessionLocal

log = logging.getLogger("recorder.handlers")

_first_close = {}


def on_exec_details(trade, fill):
    """ib.execDetailsEvent: once per execution (partial fills included)."""
    ex = fill.execution
    r = redis.Redis.from_url(settings.REDIS_URL)
    r.publish("fills", json.dumps({
        "exec_id": ex.execId,
        "symbol": fill.contract.symbol,
        "side": ex.side,
        "shares": ex.shares,
        "price": ex.price,
        "time": ex.time.isoformat(),
    }))
    log.info("fill %s %s %s @ %s", ex.side, ex.shares, fill.contract.symbol, ex.price)


def on_commission_report(trade, fill, report):
    """ib.commissionReportEvent: once per execution, after its commission is known."""
    ex = fill.execution
    session = SessionLocal()
    session.merge(Fill(
        exec_id=ex.execId,
        order_id=ex.orderId,
        symbol=fill.contract.symbol,
        side=ex.side,
        shares=ex.shares,
        price=ex.price,
        commission=report.commission,
        account=ex.acctNumber,
        executed_at=ex.time,
    ))
    session.commit()


def make_bar_handler(symbol):
    def on_bar_update(bars, has_new_bar):
        """RealTimeBarList.updateEvent: every 5 seconds per watched symbol."""
        if not has_new_bar:
            return
        close = bars[-1].close
        first = _first_close.setdefault(symbol, bars[0].open_)
        move = (close - first) / first * 100.0
        if abs(move) < settings.MOVE_ALERT_PCT:
            return
        client = httpx.Client(base_url=settings.ALERTS_URL, timeout=5.0)
        client.post("/v1/alerts", json={
            "source": "ibkr-fill-recorder",
            "symbol": symbol,
            "move_pct": round(move, 3),
            "last": close,
        })
        _first_close[symbol] = close
    return on_bar_update


def on_error(req_id, error_code, error_string, contract):
    if error_code in (2104, 2106, 2158):  # market data farm connection OK notices
        return
    log.warning("IB error %s (req %s): %s %s", error_code, req_id, error_string,
                contract.symbol if contract else "")

import json
import logging

from sqlalchemy import text

from . import clients

log = logging.getLogger(__name__)

INSERT_TRADE = text(
    "INSERT INTO trades (exchange, symbol, trade_id, price, qty, ts) "
    "VALUES (:exchange, :symbol, :trade_id, :price, :qty, to_timestamp(:ts / 1000.0)) "
    "ON CONFLICT DO NOTHING"
)


class Recorder:
    """Callbacks handed to websocket.WebSocketApp; on_message runs for every frame."""

    def __init__(self, exchange, symbols, engine, bus):
        self.exchange = exchange
        self.symbols = symbols
        self.engine = engine
        self.bus = bus
        self.last_trade_id = {}

    def on_open(self, ws):
        ws.send(json.dumps({
            "method": "SUBSCRIBE",
            "params": [f"{s.lower()}@trade" for s in self.symbols],
            "id": 1,
        }))
        log.info("subscribed to %s", self.symbols)

    def on_message(self, ws, message):
        msg = json.loads(message)
        if msg.get("e") != "trade":
            return
        symbol, trade_id = msg["s"], msg["t"]
        prev = self.last_trade_id.get(symbol)
        if prev is not None and trade_id > prev + 1:
            self._backfill(symbol, prev + 1, trade_id - 1)
        self.last_trade_id[symbol] = trade_id
        row = {"exchange": self.exchange, "symbol": symbol, "trade_id": trade_id,
               "price": msg["p"], "qty": msg["q"], "ts": msg["T"]}
        with self.engine.begin() as conn:
            conn.execute(INSERT_TRADE, row)
        self.bus.publish(f"trades:{symbol}", json.dumps(row))

    def _backfill(self, symbol, from_id, to_id):
        rest = clients.rest_for(self.exchange)
        resp = rest.get("/api/v3/historicalTrades", params={"symbol": symbol, "fromId": from_id, "limit": 1000})
        resp.raise_for_status()
        rows = [
            {"exchange": self.exchange, "symbol": symbol, "trade_id": t["id"],
             "price": t["price"], "qty": t["qty"], "ts": t["time"]}
            for t in resp.json() if t["id"] <= to_id
        ]
        if rows:
            with self.engine.begin() as conn:
                conn.execute(INSERT_TRADE, rows)
        log.info("backfilled %d trades for %s", len(rows), symbol)

    def on_error(self, ws, error):
        log.warning("websocket error: %s", error)

    def on_close(self, ws, status, reason):
        log.info("websocket closed (%s %s); run_forever will reconnect", status, reason)

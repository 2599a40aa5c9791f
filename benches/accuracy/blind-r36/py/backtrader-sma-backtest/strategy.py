import backtrader as bt
from sqlalchemy import text

TRADE_SQL = text(
    "INSERT INTO bt_trade (run_id, symbol, opened_at, closed_at, pnl, pnl_net, bars_held) "
    "VALUES (:run_id, :symbol, :opened_at, :closed_at, :pnl, :pnl_net, :bars)"
)
RUN_SQL = text(
    "UPDATE bt_run SET final_value = :value, trades = :trades, finished_at = now() "
    "WHERE id = :run_id"
)


class SmaCross(bt.Strategy):
    params = (
        ("fast", 10),
        ("slow", 30),
        ("engine", None),   # SQLAlchemy engine owned by backtest.main()
        ("run_id", None),
        ("symbol", ""),
    )

    def __init__(self):
        fast = bt.ind.SMA(period=self.p.fast)
        slow = bt.ind.SMA(period=self.p.slow)
        self.crossover = bt.ind.CrossOver(fast, slow)
        self.closed_trades = 0

    def next(self):
        # Called once per bar: trading logic only.
        if not self.position and self.crossover > 0:
            self.buy()
        elif self.position and self.crossover < 0:
            self.close()

    def notify_trade(self, trade):
        if not trade.isclosed:
            return
        self.closed_trades += 1
        with self.p.engine.begin() as conn:
            conn.execute(TRADE_SQL, {
                "run_id": self.p.run_id,
                "symbol": self.p.symbol,
                "opened_at": bt.num2date(trade.dtopen),
                "closed_at": bt.num2date(trade.dtclose),
                "pnl": trade.pnl,
                "pnl_net": trade.pnlcomm,
                "bars": trade.barlen,
            })

    def stop(self):
        with self.p.engine.begin() as conn:
            conn.execute(RUN_SQL, {"value": self.broker.getvalue(),
                                   "trades": self.closed_trades,
                                   "run_id": self.p.run_id})

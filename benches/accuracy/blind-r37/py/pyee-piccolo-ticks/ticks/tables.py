from piccolo.columns import Integer, Numeric, Timestamptz, Varchar
from piccolo.table import Table


class Trade(Table):
    symbol = Varchar(length=16, index=True)
    price = Numeric(digits=(18, 8))
    qty = Numeric(digits=(18, 8))
    ts = Timestamptz()


class Candle(Table):
    symbol = Varchar(length=16, index=True)
    minute = Timestamptz()
    open = Numeric(digits=(18, 8))
    high = Numeric(digits=(18, 8))
    low = Numeric(digits=(18, 8))
    close = Numeric(digits=(18, 8))
    trades = Integer()

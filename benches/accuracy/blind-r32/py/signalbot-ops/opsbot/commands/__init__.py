from .inventory import StockCommand
from .oncall import OnCallCommand
from .status import StatusCommand

ALL = [StockCommand, OnCallCommand, StatusCommand]

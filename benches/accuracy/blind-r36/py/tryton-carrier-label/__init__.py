from trytond.pool import Pool

from . import shipment


def register():
    Pool.register(
        shipment.ShipmentOut,
        module='stock_carrier_label', type_='model')

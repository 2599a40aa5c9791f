from trytond.exceptions import UserError
from trytond.model import ModelView, Workflow, fields
from trytond.pool import PoolMeta
from trytond.pyson import Eval

from . import carrier, reporting, warehouse_sync


class ShipmentOut(metaclass=PoolMeta):
    __name__ = 'stock.shipment.out'

    carrier_tracking = fields.Char("Carrier Tracking", readonly=True)
    carrier_label = fields.Binary("Carrier Label", readonly=True,
        filename='carrier_label_name')
    carrier_label_name = fields.Char("Carrier Label Name", readonly=True)
    wms_status = fields.Function(fields.Char("WMS Status"), 'get_wms_status')

    @classmethod
    def __setup__(cls):
        super().__setup__()
        cls._buttons.update({
            'print_carrier_label': {
                'invisible': ~Eval('state').in_(['packed', 'done']),
                'depends': ['state'],
            },
        })

    @classmethod
    def get_wms_status(cls, shipments, name):
        statuses = reporting.wms_statuses([s.number for s in shipments if s.number])
        return {s.id: statuses.get(s.number) for s in shipments}

    @classmethod
    @ModelView.button
    def print_carrier_label(cls, shipments):
        to_save = []
        for shipment in shipments:
            if not shipment.delivery_address:
                raise UserError(
                    "Shipment %s has no delivery address." % shipment.rec_name)
            http = carrier.carrier_session()
            resp = http.post(carrier.CARRIER_API + '/labels',
                json=carrier.label_payload(shipment), timeout=30)
            resp.raise_for_status()
            body = resp.json()
            shipment.carrier_tracking = body['tracking_number']
            shipment.carrier_label = bytes.fromhex(body['label_pdf_hex'])
            shipment.carrier_label_name = '%s.pdf' % shipment.number
            to_save.append(shipment)
        cls.save(to_save)

    @classmethod
    @ModelView.button
    @Workflow.transition('done')
    def done(cls, shipments):
        super().done(shipments)
        warehouse_sync.push_shipments(shipments)

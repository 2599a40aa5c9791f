from decimal import Decimal

from spyne import Application, Decimal as SoapDecimal, ServiceBase, Unicode, rpc
from spyne.model.fault import Fault
from spyne.protocol.soap import Soap11
from spyne.server.wsgi import WsgiApplication
from sqlalchemy import text
from sqlalchemy.orm import sessionmaker

from .db import make_engine

engine = make_engine()
Session = sessionmaker(bind=engine)


class InvoiceService(ServiceBase):
    @rpc(Unicode, _returns=SoapDecimal)
    def invoice_total(ctx, invoice_no):
        with Session() as session:
            total = session.execute(
                text("SELECT total FROM invoices WHERE invoice_no = :no"), {"no": invoice_no}
            ).scalar_one_or_none()
        if total is None:
            raise Fault(faultcode="Client.NotFound", faultstring=f"no invoice {invoice_no}")
        return total

    @rpc(Unicode, SoapDecimal, Unicode, _returns=Unicode)
    def record_payment(ctx, invoice_no, amount, reference):
        with Session.begin() as session:
            session.execute(
                text(
                    "INSERT INTO payments (invoice_no, amount, reference, received_at) "
                    "VALUES (:no, :amount, :ref, NOW())"
                ),
                {"no": invoice_no, "amount": Decimal(amount), "ref": reference},
            )
            session.execute(
                text("UPDATE invoices SET paid = paid + :amount WHERE invoice_no = :no"),
                {"no": invoice_no, "amount": Decimal(amount)},
            )
        return reference


application = Application(
    [InvoiceService],
    tns="urn:acme:billing:2014",
    in_protocol=Soap11(validator="lxml"),
    out_protocol=Soap11(),
)
wsgi_app = WsgiApplication(application)

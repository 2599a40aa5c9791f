"""gunicorn app:app"""
import falcon

from resources import InvoiceCollection, InvoiceItem, MonthlyRevenue

app = falcon.App()
app.add_route("/invoices", InvoiceCollection())
app.add_route("/invoices/{invoice_id:int}", InvoiceItem())
app.add_route("/reports/monthly-revenue", MonthlyRevenue())

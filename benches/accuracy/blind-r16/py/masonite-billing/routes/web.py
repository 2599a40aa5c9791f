from masonite.routes import Route

ROUTES = [
    Route.get("/invoices/@id", "InvoiceController@show"),
    Route.post("/invoices/@id/pay", "InvoiceController@pay"),
    Route.get("/invoices/@id/pdf", "InvoiceController@pdf"),
    Route.get("/reports/revenue", "ReportController@revenue"),
]

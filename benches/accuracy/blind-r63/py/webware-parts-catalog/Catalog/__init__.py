"""Catalog context for the Webware application."""


def contextInitialize(application, path):
    # called once when the application loads this context
    from catalogdb import close_pool
    from stockdb import close_stock_pool

    application.addShutDownHandler(close_pool)
    application.addShutDownHandler(close_stock_pool)

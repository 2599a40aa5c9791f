import asyncio
import os

import tornado.web

from handlers import ItemHandler, PriceHandler, ReportHandler, ReserveHandler


def make_app():
    return tornado.web.Application(
        [
            (r"/items/([A-Z0-9-]+)", ItemHandler),
            (r"/items/([A-Z0-9-]+)/reserve", ReserveHandler),
            (r"/items/([A-Z0-9-]+)/price", PriceHandler),
            (r"/reports/low-stock", ReportHandler),
        ],
        debug=os.environ.get("DEBUG") == "1",
    )


async def main():
    app = make_app()
    app.listen(int(os.environ.get("PORT", "8888")))
    await asyncio.Event().wait()


if __name__ == "__main__":
    asyncio.run(main())

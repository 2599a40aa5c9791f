from wheezy.http import WSGIApplication
from wheezy.routing import url
from wheezy.web.middleware import bootstrap_defaults, path_routing_middleware_factory

from handlers import CreateReturnHandler, ReturnHandler

all_urls = [
    url("returns", CreateReturnHandler, name="create_return"),
    url("returns/{rma}", ReturnHandler, name="return"),
]

options = {"ENCODING": "UTF-8"}

main = WSGIApplication(
    middleware=[
        bootstrap_defaults(url_mapping=all_urls),
        path_routing_middleware_factory,
    ],
    options=options,
)

if __name__ == "__main__":
    from wsgiref.simple_server import make_server

    make_server("", 8000, main).serve_forever()

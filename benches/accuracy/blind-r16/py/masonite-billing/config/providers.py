from masonite.providers import (
    ExceptionProvider,
    FrameworkProvider,
    HelpersProvider,
    RouteProvider,
)

PROVIDERS = [
    FrameworkProvider,
    HelpersProvider,
    RouteProvider,
    ExceptionProvider,
]

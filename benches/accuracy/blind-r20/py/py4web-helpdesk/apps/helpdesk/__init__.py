# py4web imports every app package under apps/ at start-up; the controllers
# register their @action routes as a side effect of this import.
from . import controllers  # noqa: F401

"""Entry point for the TaskTiger worker (see Procfile)."""
import sys

from . import tasks  # noqa: F401  - registers the tasks
from .tiger import tiger

if __name__ == "__main__":
    tiger.run_worker_with_args(sys.argv[1:])

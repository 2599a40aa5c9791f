"""tox-env-timings: record how long each tox environment's commands take."""

import os

from procrastinate import App, PsycopgConnector

app = App(
    connector=PsycopgConnector(conninfo=os.environ["PROCRASTINATE_DSN"]),
    import_paths=["billing.tasks"],
)

"""Line and cell magics. IPython calls these once per cell execution."""
import pandas as pd
from IPython.core.magic import Magics, cell_magic, line_magic, magics_class
from IPython.core.magic_arguments import argument, magic_arguments, parse_argstring
from sqlalchemy import inspect, text


@magics_class
class WarehouseMagics(Magics):
    def __init__(self, shell, engine, clickhouse):
        super().__init__(shell)
        self.engine = engine
        self.clickhouse = clickhouse

    @line_magic
    def dw_tables(self, line):
        """%dw_tables [schema] -- list warehouse tables."""
        schema = line.strip() or "public"
        return sorted(inspect(self.engine).get_table_names(schema=schema))

    @magic_arguments()
    @argument("-o", "--out", help="store the DataFrame in this variable")
    @argument("--limit", type=int, default=10_000)
    @cell_magic
    def dw(self, line, cell):
        """%%dw [-o name] -- run SQL on the Postgres warehouse."""
        args = parse_argstring(self.dw, line)
        sql = cell.strip().rstrip(";")
        with self.engine.connect() as conn:
            df = pd.read_sql(text(f"SELECT * FROM ({sql}) q LIMIT {args.limit}"), conn)
        if args.out:
            self.shell.user_ns[args.out] = df
        return df

    @magic_arguments()
    @argument("-o", "--out", help="store the DataFrame in this variable")
    @cell_magic
    def ch(self, line, cell):
        """%%ch [-o name] -- run SQL on ClickHouse (events database)."""
        args = parse_argstring(self.ch, line)
        df = self.clickhouse.query_df(cell)
        if args.out:
            self.shell.user_ns[args.out] = df
        return df

    @line_magic
    def dw_explain(self, line):
        """%dw_explain SELECT ... -- show the Postgres plan."""
        with self.engine.connect() as conn:
            rows = conn.execute(text(f"EXPLAIN (FORMAT TEXT) {line}")).scalars().all()
        print("\n".join(rows))

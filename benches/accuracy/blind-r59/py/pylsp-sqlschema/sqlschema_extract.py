"""Find SQL string literals in Python source and the tables they reference."""
import ast
import re
from dataclasses import dataclass

SQL_START = re.compile(r"^\s*(SELECT|WITH|INSERT|UPDATE|DELETE|MERGE)\b", re.IGNORECASE)
TABLE_REF = re.compile(
    r"\b(?:FROM|JOIN|INTO|UPDATE|MERGE\s+INTO)\s+([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)?)",
    re.IGNORECASE,
)


@dataclass
class SqlLiteral:
    text: str
    line: int  # 0-based, LSP convention
    col: int


def find_sql_literals(source):
    try:
        tree = ast.parse(source)
    except SyntaxError:
        return []
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if SQL_START.match(node.value):
                # +1 skips the opening quote of single-line literals
                found.append(SqlLiteral(node.value, node.lineno - 1, node.col_offset + 1))
    return found


def referenced_tables(sql):
    """Yield (table_name, offset_in_literal) for each table reference."""
    for match in TABLE_REF.finditer(sql):
        name = match.group(1)
        if name.lower() in {"select", "lateral", "unnest"}:
            continue
        yield name, match.start(1)

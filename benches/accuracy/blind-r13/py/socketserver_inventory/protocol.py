"""Tiny text protocol spoken by the warehouse hand scanners.

    STOCK <sku>            -> OK <qty>
    MOVE <sku> <from> <to> <qty> -> OK | ERR <reason>
    PING                   -> PONG
"""


class ProtocolError(Exception):
    pass


def parse(line: str) -> tuple[str, list[str]]:
    parts = line.strip().split()
    if not parts:
        raise ProtocolError("empty command")
    return parts[0].upper(), parts[1:]

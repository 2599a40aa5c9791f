"""One-off: import everything in a mailbox folder since a given date.

    mailroom-backfill since 2024-09-01 --folder Archive
"""
import datetime as dt

from cyclopts import App
from sqlalchemy import text

from mailroom import imap
from mailroom.db import INSERT_MESSAGE, make_engine

app = App(help="Backfill stored messages from IMAP.")


@app.command
def since(day: dt.date, folder: str = "INBOX", batch: int = 200) -> None:
    """Import messages received on or after DAY from FOLDER."""
    engine = make_engine("backfill")
    try:
        client = imap.login()
        try:
            client.select_folder(folder, readonly=True)
            uids = client.search(["SINCE", day])
            print(f"{len(uids)} messages to import from {folder}")
            for start in range(0, len(uids), batch):
                chunk = uids[start : start + batch]
                fetched = client.fetch(chunk, ["RFC822"])
                with engine.begin() as conn:
                    for uid, data in fetched.items():
                        row = imap.to_row(uid, data[b"RFC822"]) | {"mailbox": folder}
                        conn.execute(text(INSERT_MESSAGE), row)
                print(f"  imported {start + len(chunk)}/{len(uids)}")
        finally:
            client.logout()
    finally:
        engine.dispose()


if __name__ == "__main__":
    app()

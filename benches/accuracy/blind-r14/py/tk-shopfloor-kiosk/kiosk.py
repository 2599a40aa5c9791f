import tkinter as tk
from tkinter import messagebox, ttk

import pymysql

import export
import store
from settings import MYSQL_DB, MYSQL_HOST, MYSQL_PASSWORD, MYSQL_USER, REFRESH_MS


class KioskApp(tk.Tk):
    def __init__(self):
        super().__init__()
        self.title("Assembly hall - line output")
        self.attributes("-fullscreen", True)

        self.table = ttk.Treeview(self, columns=("line", "units", "target", "pct"), show="headings")
        for col, label in (("line", "Line"), ("units", "Units"), ("target", "Target"), ("pct", "%")):
            self.table.heading(col, text=label)
        self.table.pack(fill=tk.BOTH, expand=True)

        bar = ttk.Frame(self)
        bar.pack(fill=tk.X)
        ttk.Button(bar, text="Shift summary", command=self.on_summary).pack(side=tk.LEFT, padx=8, pady=8)
        ttk.Button(bar, text="Export to S3", command=self.on_export).pack(side=tk.LEFT, padx=8, pady=8)
        self.status = ttk.Label(bar, text="")
        self.status.pack(side=tk.RIGHT, padx=8)

        self.after(500, self.refresh)

    def refresh(self):
        conn = pymysql.connect(
            host=MYSQL_HOST,
            user=MYSQL_USER,
            password=MYSQL_PASSWORD,
            database=MYSQL_DB,
            connect_timeout=3,
        )
        try:
            with conn.cursor() as cur:
                cur.execute(
                    "SELECT line, SUM(units), MAX(target) FROM line_output "
                    "WHERE shift_date = CURDATE() GROUP BY line ORDER BY line"
                )
                rows = cur.fetchall()
        finally:
            conn.close()
        self._render(rows)
        self.after(REFRESH_MS, self.refresh)

    def _render(self, rows):
        self.table.delete(*self.table.get_children())
        for line, units, target in rows:
            pct = f"{100 * units / target:.0f}" if target else "-"
            self.table.insert("", tk.END, values=(line, units, target, pct))

    def on_summary(self):
        s = store.shift_summary()
        messagebox.showinfo("Shift summary", f"Units: {s.units}\nScrap: {s.scrap}\nLines running: {s.lines}")

    def on_export(self):
        self.status.config(text="Exporting...")
        key = export.upload_today()
        self.status.config(text=f"Uploaded {key}")


def main():
    KioskApp().mainloop()


if __name__ == "__main__":
    main()

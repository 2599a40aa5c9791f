import os
from collections import Counter

import pcbnew
import requests
import wx

from . import clients


def _board_mpns(board):
    counts = Counter()
    for fp in board.GetFootprints():
        if not fp.HasFieldByName("MPN"):
            continue
        mpn = fp.GetFieldByName("MPN").GetText().strip()
        if mpn:
            counts[mpn] += 1
    return counts


class BomPricingPlugin(pcbnew.ActionPlugin):
    def defaults(self):
        self.name = "BOM pricing"
        self.category = "Manufacturing"
        self.description = "Price this board's BOM (parts DB + distributor APIs)"
        self.show_toolbar_button = True
        self.icon_file_name = os.path.join(os.path.dirname(__file__), "icon.png")

    def Run(self):
        board = pcbnew.GetBoard()
        counts = _board_mpns(board)
        if not counts:
            wx.MessageBox("No footprints with an MPN field.", "BOM pricing", wx.OK | wx.ICON_WARNING)
            return

        with clients.parts_pool().connection() as conn:
            rows = conn.execute(
                "SELECT mpn, preferred_distributor, unit_cost FROM parts WHERE mpn = ANY(%s)",
                (list(counts),),
            ).fetchall()
        known = {mpn: (dist, cost) for mpn, dist, cost in rows}

        lines, total = [], 0.0
        for mpn, qty in sorted(counts.items()):
            dist, cost = known.get(mpn, ("digikey", None))
            if cost is None:
                cost = self._quote(dist, mpn, qty)
            if cost is None:
                lines.append("%-28s x%-4d  no price" % (mpn, qty))
                continue
            total += float(cost) * qty
            lines.append("%-28s x%-4d  %8.4f  (%s)" % (mpn, qty, float(cost), dist))

        lines.append("")
        lines.append("Board total: %.2f USD for %s" % (total, os.path.basename(board.GetFileName())))
        wx.MessageBox("\n".join(lines), "BOM pricing", wx.OK | wx.ICON_INFORMATION)

    def _quote(self, dist, mpn, qty):
        try:
            session = clients.distributor_session(dist)
            resp = session.get(
                clients.DISTRIBUTORS[dist] + "/quote",
                params={"mpn": mpn, "quantity": qty},
                timeout=8,
            )
            resp.raise_for_status()
            return resp.json().get("unit_price")
        except (KeyError, requests.RequestException):
            return None

import npyscreen
from sqlalchemy import text


class ReceiveForm(npyscreen.ActionForm):
    OK_BUTTON_TEXT = "Receive"
    CANCEL_BUTTON_TEXT = "Quit"

    def create(self):
        self.po = self.add(npyscreen.TitleText, name="PO number:")
        self.sku = self.add(npyscreen.TitleText, name="SKU:")
        self.qty = self.add(npyscreen.TitleText, name="Quantity:", value="1")
        self.last = self.add(npyscreen.TitleFixedText, name="Last:", value="", editable=False)

    def on_ok(self):
        app = self.parentApp
        try:
            qty = int(self.qty.value)
        except ValueError:
            npyscreen.notify_confirm("Quantity must be a number", title="Invalid")
            app.setNextForm("MAIN")
            return

        with app.Session() as session, session.begin():
            line = session.execute(
                text("SELECT id, expected_qty, received_qty FROM po_lines WHERE po = :po AND sku = :sku FOR UPDATE"),
                {"po": self.po.value, "sku": self.sku.value},
            ).first()
            if line is None:
                npyscreen.notify_confirm(f"{self.sku.value} is not on PO {self.po.value}", title="Not found")
                app.setNextForm("MAIN")
                return
            session.execute(
                text("UPDATE po_lines SET received_qty = received_qty + :q WHERE id = :id"),
                {"q": qty, "id": line.id},
            )
            session.execute(
                text("INSERT INTO receipts (po_line_id, qty, dock) VALUES (:id, :q, :dock)"),
                {"id": line.id, "q": qty, "dock": app.dock},
            )

        app.printer.post("/labels", json={"sku": self.sku.value, "qty": qty, "dock": app.dock})
        self.last.value = f"{qty} x {self.sku.value} on {self.po.value}"
        self.sku.value = ""
        self.qty.value = "1"
        app.setNextForm("MAIN")

    def on_cancel(self):
        self.parentApp.setNextForm(None)

from datetime import date

from masonite.controllers import Controller
from masonite.request import Request

from app.reporting.database import monthly_revenue


class ReportController(Controller):
    def revenue(self, request: Request):
        year = int(request.input("year", date.today().year))
        return {"year": year, "months": monthly_revenue(year)}

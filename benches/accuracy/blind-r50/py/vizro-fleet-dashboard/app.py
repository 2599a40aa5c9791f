"""Fleet operations dashboard. Production: gunicorn app:server -w 4"""
import vizro.models as vm
import vizro.plotly.express as px
from flask_caching import Cache
from vizro import Vizro
from vizro.managers import data_manager
from vizro.tables import dash_ag_grid

from data import load_trips, load_vehicle_health

data_manager.cache = Cache(config={"CACHE_TYPE": "SimpleCache"})
data_manager["trips"] = load_trips
data_manager["trips"].timeout = 300
data_manager["health"] = load_vehicle_health
data_manager["health"].timeout = 60

trips_page = vm.Page(
    title="Trips",
    components=[
        vm.Graph(
            id="distance_by_depot",
            figure=px.histogram("trips", x="depot", y="distance_km", histfunc="sum"),
        ),
        vm.Graph(figure=px.scatter("trips", x="duration_min", y="distance_km", color="vehicle_type")),
    ],
    controls=[
        vm.Filter(column="depot"),
        vm.Parameter(
            targets=["distance_by_depot.data_frame.days"],
            selector=vm.Slider(min=1, max=30, step=1, value=7, title="Days"),
        ),
    ],
)

health_page = vm.Page(
    title="Vehicle health",
    components=[vm.AgGrid(figure=dash_ag_grid(data_frame="health"))],
    controls=[vm.Filter(column="status")],
)

dashboard = vm.Dashboard(title="Fleet operations", pages=[trips_page, health_page])

app = Vizro().build(dashboard)
server = app.dash.server

if __name__ == "__main__":
    app.run()

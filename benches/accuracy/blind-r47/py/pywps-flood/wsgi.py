from pywps.app.Service import Service

from floodsvc.processes import processes

application = Service(processes, ["pywps.cfg"])

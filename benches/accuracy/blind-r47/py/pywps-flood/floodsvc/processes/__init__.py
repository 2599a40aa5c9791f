from .exposure import Exposure
from .export import ExportExtent
from .footprints import Footprints

processes = [Exposure(), Footprints(), ExportExtent()]

from adsb_logger.pdu_sink import sighting_sink
from adsb_logger.power_monitor import power_monitor

__all__ = ["sighting_sink", "power_monitor"]

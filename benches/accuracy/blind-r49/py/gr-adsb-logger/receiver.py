#!/usr/bin/env python3
"""1090 MHz receiver flowgraph: RTL-SDR -> gr-adsb -> sighting_sink, plus a band power monitor."""
import signal
import sys

import adsb
import osmosdr
from gnuradio import blocks, gr

from adsb_logger import power_monitor, sighting_sink

FS = 2e6


class adsb_rx(gr.top_block):
    def __init__(self):
        gr.top_block.__init__(self, "ADS-B logger")
        src = osmosdr.source(args="numchan=1 rtl=0")
        src.set_sample_rate(FS)
        src.set_center_freq(1090e6)
        src.set_gain(40)

        mag = blocks.complex_to_mag_squared(1)
        framer = adsb.framer(FS, 0.01)
        demod = adsb.demod(FS)
        decoder = adsb.decoder("All Messages", "None", "Brief")
        sink = sighting_sink(upload=True)
        monitor = power_monitor(threshold_db=-15.0)

        self.connect(src, mag, framer, demod, blocks.null_sink(gr.sizeof_float))
        self.connect(mag, monitor)
        self.msg_connect((demod, "demodulated"), (decoder, "demodulated"))
        self.msg_connect((decoder, "decoded"), (sink, "decoded"))


def main():
    tb = adsb_rx()

    def shutdown(sig=None, frame=None):
        tb.stop()
        tb.wait()
        sys.exit(0)

    signal.signal(signal.SIGINT, shutdown)
    signal.signal(signal.SIGTERM, shutdown)
    tb.start()
    tb.wait()


if __name__ == "__main__":
    main()

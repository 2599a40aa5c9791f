"""Modbus RTU access to the kiln's PID controller (RS-485 hat on the Pi)."""
import os
import threading

import minimalmodbus

REG_PV = 0x0000        # process value, 0.1 degC
REG_SV = 0x0001        # set value, 0.1 degC
REG_RUN = 0x0010       # 1 = run, 0 = stop


class Kiln:
    def __init__(self, port=None, slave=1):
        self._inst = minimalmodbus.Instrument(port or os.environ.get("KILN_TTY", "/dev/ttyUSB0"), slave)
        self._inst.serial.baudrate = 9600
        self._inst.serial.timeout = 0.5
        self._lock = threading.Lock()

    def temperature(self) -> float:
        with self._lock:
            return self._inst.read_register(REG_PV, number_of_decimals=1, signed=True)

    def setpoint(self) -> float:
        with self._lock:
            return self._inst.read_register(REG_SV, number_of_decimals=1, signed=True)

    def set_setpoint(self, celsius: float) -> None:
        with self._lock:
            self._inst.write_register(REG_SV, celsius, number_of_decimals=1, signed=True)

    def run(self, on: bool) -> None:
        with self._lock:
            self._inst.write_register(REG_RUN, 1 if on else 0)

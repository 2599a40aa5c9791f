from ophyd import EpicsMotor, EpicsSignalRO

sample_x = EpicsMotor("BL7:SMPL:X", name="sample_x")
sample_y = EpicsMotor("BL7:SMPL:Y", name="sample_y")
i0 = EpicsSignalRO("BL7:I0:Current", name="i0")
it = EpicsSignalRO("BL7:IT:Current", name="it")

MOTORS = {"sample_x": sample_x, "sample_y": sample_y}
DETECTORS = {"i0": i0, "it": it}

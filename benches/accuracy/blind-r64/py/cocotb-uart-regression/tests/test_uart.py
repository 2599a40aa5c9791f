import random

import cocotb
from cocotb.clock import Clock
from cocotb.triggers import ClockCycles, FallingEdge, RisingEdge, Timer
from cocotb.utils import get_sim_time

import results

CLKS_PER_BIT = 16
CLK_NS = 10


async def uart_send(dut, byte: int) -> None:
    bits = [0] + [(byte >> i) & 1 for i in range(8)] + [1]
    for bit in bits:
        dut.rx.value = bit
        await ClockCycles(dut.clk, CLKS_PER_BIT)


async def uart_monitor(dut, expected: list, run_id: int, seen: list) -> None:
    """Decode every frame on tx for as long as the test runs."""
    while True:
        await FallingEdge(dut.tx)                     # start bit
        await ClockCycles(dut.clk, CLKS_PER_BIT // 2)
        value = 0
        for i in range(8):
            await ClockCycles(dut.clk, CLKS_PER_BIT)
            value |= int(dut.tx.value) << i
        await ClockCycles(dut.clk, CLKS_PER_BIT)      # stop bit
        sent = expected[len(seen)] if len(seen) < len(expected) else -1
        seen.append(value)
        results.record_frame(run_id, int(get_sim_time("ns")), sent, value)


async def reset(dut) -> None:
    dut.rx.value = 1
    dut.rst.value = 1
    await ClockCycles(dut.clk, 5)
    dut.rst.value = 0
    await RisingEdge(dut.clk)


async def run_loopback(dut, payload: list, name: str, seed: int) -> None:
    cocotb.start_soon(Clock(dut.clk, CLK_NS, units="ns").start())
    await reset(dut)
    run_id = results.start_run(name, seed)
    seen: list = []
    monitor = cocotb.start_soon(uart_monitor(dut, payload, run_id, seen))
    for byte in payload:
        await uart_send(dut, byte)
    await Timer(CLKS_PER_BIT * CLK_NS * 12, units="ns")
    monitor.kill()
    passed = seen == payload
    results.finish_run(run_id, passed, len(seen))
    assert passed, f"loopback mismatch: sent {payload[:8]}..., got {seen[:8]}..."


@cocotb.test()
async def test_single_byte(dut):
    await run_loopback(dut, [0xA5], "single_byte", 0)


@cocotb.test()
async def test_random_stream(dut):
    seed = random.randrange(1 << 31)
    rng = random.Random(seed)
    payload = [rng.randrange(256) for _ in range(200)]
    await run_loopback(dut, payload, "random_stream", seed)


@cocotb.test()
async def test_all_byte_values(dut):
    await run_loopback(dut, list(range(256)), "all_byte_values", 0)

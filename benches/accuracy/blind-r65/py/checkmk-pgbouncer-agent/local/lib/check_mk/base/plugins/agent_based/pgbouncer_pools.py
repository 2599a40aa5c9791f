"""Agent-based check plugin for the <<<pgbouncer_pools>>> section (no network access here)."""
from cmk.base.plugins.agent_based.agent_based_api.v1 import Metric, Result, Service, State, register


def parse_pgbouncer_pools(string_table):
    if not string_table:
        return {}
    header, *rows = string_table
    pools = {}
    for row in rows:
        item = dict(zip(header, row))
        pools[f"{item['database']}/{item['user']}"] = item
    return pools


register.agent_section(name="pgbouncer_pools", parse_function=parse_pgbouncer_pools)


def discover_pgbouncer_pools(section):
    for name in section:
        if not name.startswith("pgbouncer/"):
            yield Service(item=name)


def check_pgbouncer_pools(item, params, section):
    pool = section.get(item)
    if pool is None:
        return
    waiting = int(pool.get("cl_waiting", 0))
    active = int(pool.get("cl_active", 0))
    maxwait = int(pool.get("maxwait", 0))
    yield Metric("pgbouncer_clients_active", active)
    yield Metric("pgbouncer_clients_waiting", waiting)
    warn, crit = params["maxwait"]
    state = State.CRIT if maxwait >= crit else State.WARN if maxwait >= warn else State.OK
    yield Result(state=state, summary=f"{active} active, {waiting} waiting, longest wait {maxwait}s")


register.check_plugin(
    name="pgbouncer_pools",
    service_name="PgBouncer pool %s",
    discovery_function=discover_pgbouncer_pools,
    check_function=check_pgbouncer_pools,
    check_default_parameters={"maxwait": (5, 20)},
)

//! Item callbacks. Each one runs every time the Zabbix server polls the key
//! (every 30 s per monitored host in our templates), inside a long-lived
//! zabbix_agentd collector process.

use crate::{config, dup, param, set_msg, AgentRequest, AgentResult};
use crate::{AR_DOUBLE, AR_STRING, AR_UINT64, SYSINFO_RET_OK};
use libc::c_int;
use postgres::{Config as PgConfig, NoTls};
use std::str::FromStr;

/// pgmon.replication_lag[<dsn name>] -> seconds behind the primary (double).
pub unsafe extern "C" fn replication_lag(request: *mut AgentRequest, result: *mut AgentResult) -> c_int {
    let Some(name) = param(request, 0) else {
        return set_msg(result, "Invalid number of parameters.");
    };
    let Some(dsn) = config::get().postgres.get(&name) else {
        return set_msg(result, &format!("Unknown DSN \"{name}\"."));
    };

    let mut pg_cfg = match PgConfig::from_str(dsn) {
        Ok(c) => c,
        Err(e) => return set_msg(result, &format!("Bad DSN: {e}")),
    };
    pg_cfg.connect_timeout(config::timeout()).application_name("zbx_pgmon");
    let mut client = match pg_cfg.connect(NoTls) {
        Ok(c) => c,
        Err(e) => return set_msg(result, &format!("Cannot connect: {e}")),
    };

    let row = match client.query_one(
        "SELECT COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0)::float8",
        &[],
    ) {
        Ok(r) => r,
        Err(e) => return set_msg(result, &format!("Query failed: {e}")),
    };
    (*result).dbl = row.get::<_, f64>(0);
    (*result).type_ |= AR_DOUBLE;
    SYSINFO_RET_OK
}

/// pgmon.queue_depth[<queue>] -> length of the Redis list `queue:<queue>`.
pub unsafe extern "C" fn queue_depth(request: *mut AgentRequest, result: *mut AgentResult) -> c_int {
    let Some(queue) = param(request, 0) else {
        return set_msg(result, "Invalid number of parameters.");
    };
    let conn = redis::Client::open(config::get().redis_url.as_str())
        .and_then(|c| c.get_connection_with_timeout(config::timeout()));
    let mut conn = match conn {
        Ok(c) => c,
        Err(e) => return set_msg(result, &format!("Cannot connect to Redis: {e}")),
    };
    let len: redis::RedisResult<u64> = redis::cmd("LLEN").arg(format!("queue:{queue}")).query(&mut conn);
    match len {
        Ok(n) => {
            (*result).ui64 = n;
            (*result).type_ |= AR_UINT64;
            SYSINFO_RET_OK
        }
        Err(e) => set_msg(result, &format!("LLEN failed: {e}")),
    }
}

/// pgmon.api_health -> body of the API health endpoint (string).
pub unsafe extern "C" fn api_health(_request: *mut AgentRequest, result: *mut AgentResult) -> c_int {
    let resp = config::http()
        .get(&config::get().api_health_url)
        .timeout(config::timeout())
        .send()
        .and_then(|r| r.error_for_status())
        .and_then(|r| r.text());
    match resp {
        Ok(body) => {
            (*result).str_ = dup(body.trim());
            (*result).type_ |= AR_STRING;
            SYSINFO_RET_OK
        }
        Err(e) => set_msg(result, &format!("health check failed: {e}")),
    }
}

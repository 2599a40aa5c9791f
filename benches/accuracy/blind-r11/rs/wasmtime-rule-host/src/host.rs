use std::collections::HashMap;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Arc, Mutex};

use anyhow::{anyhow, bail};
use r2d2::PooledConnection;
use r2d2_postgres::postgres::NoTls;
use r2d2_postgres::PostgresConnectionManager;
use redis::Commands;
use wasmtime::{Caller, Linker};

type PgManager = PostgresConnectionManager<NoTls>;

/// An open server-side cursor handed to the guest as an integer handle.
struct Cursor {
    conn: PooledConnection<PgManager>,
    name: String,
}

#[derive(Clone)]
pub struct Shared {
    pool: r2d2::Pool<PgManager>,
    cursors: Arc<Mutex<HashMap<u32, Cursor>>>,
    next_handle: Arc<AtomicU32>,
}

impl Shared {
    pub fn connect() -> anyhow::Result<Self> {
        let url = std::env::var("DATABASE_URL")?;
        let manager = PostgresConnectionManager::new(url.parse()?, NoTls);
        Ok(Self {
            pool: r2d2::Pool::builder().max_size(6).build(manager)?,
            cursors: Arc::new(Mutex::new(HashMap::new())),
            next_handle: Arc::new(AtomicU32::new(1)),
        })
    }
}

pub struct HostState {
    shared: Shared,
    event: Vec<u8>,
}

impl HostState {
    pub fn new(shared: Shared, event: Vec<u8>) -> Self {
        Self { shared, event }
    }
}

fn named_query(name: &str) -> anyhow::Result<&'static str> {
    Ok(match name {
        "recent_logins" => "SELECT extract(epoch FROM at)::bigint FROM logins WHERE at > now() - interval '1 hour' ORDER BY at DESC",
        "failed_payments" => "SELECT amount_cents FROM payments WHERE status = 'failed' AND at > now() - interval '1 day'",
        other => bail!("unknown query {other}"),
    })
}

fn read_str(caller: &mut Caller<'_, HostState>, ptr: i32, len: i32) -> anyhow::Result<String> {
    let mem = caller
        .get_export("memory")
        .and_then(|e| e.into_memory())
        .ok_or_else(|| anyhow!("guest has no memory export"))?;
    let mut buf = vec![0u8; len as usize];
    mem.read(&*caller, ptr as usize, &mut buf)?;
    Ok(String::from_utf8(buf)?)
}

fn redis_url() -> String {
    std::env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".to_owned())
}

pub fn register(linker: &mut Linker<HostState>) -> anyhow::Result<()> {
    linker.func_wrap("host", "event_len", |caller: Caller<'_, HostState>| -> i32 {
        caller.data().event.len() as i32
    })?;

    linker.func_wrap("host", "event_read", |mut caller: Caller<'_, HostState>, ptr: i32| -> anyhow::Result<()> {
        let mem = caller
            .get_export("memory")
            .and_then(|e| e.into_memory())
            .ok_or_else(|| anyhow!("guest has no memory export"))?;
        let event = caller.data().event.clone();
        mem.write(&mut caller, ptr as usize, &event)?;
        Ok(())
    })?;

    // Sliding counters shared by all rules, e.g. "failed-login:<user>".
    linker.func_wrap(
        "host",
        "counter_incr",
        |mut caller: Caller<'_, HostState>, key_ptr: i32, key_len: i32| -> anyhow::Result<i64> {
            let key = read_str(&mut caller, key_ptr, key_len)?;
            let client = redis::Client::open(redis_url())?;
            let mut con = client.get_connection()?;
            let (n,): (i64,) = redis::pipe()
                .incr(format!("rules:{key}"), 1)
                .expire(format!("rules:{key}"), 3600)
                .ignore()
                .query(&mut con)?;
            Ok(n)
        },
    )?;

    // query_open / query_next / query_close let a rule stream rows lazily.
    linker.func_wrap(
        "host",
        "query_open",
        |mut caller: Caller<'_, HostState>, name_ptr: i32, name_len: i32| -> anyhow::Result<u32> {
            let sql = named_query(&read_str(&mut caller, name_ptr, name_len)?)?;
            let shared = caller.data().shared.clone();
            let handle = shared.next_handle.fetch_add(1, Ordering::Relaxed);
            let mut conn = shared.pool.get()?;
            let name = format!("rule_cur_{handle}");
            conn.batch_execute(&format!("BEGIN; DECLARE {name} NO SCROLL CURSOR FOR {sql}"))?;
            shared.cursors.lock().unwrap().insert(handle, Cursor { conn, name });
            Ok(handle)
        },
    )?;

    linker.func_wrap("host", "query_next", |caller: Caller<'_, HostState>, handle: u32| -> anyhow::Result<i64> {
        let mut cursors = caller.data().shared.cursors.lock().unwrap();
        let cur = cursors.get_mut(&handle).ok_or_else(|| anyhow!("bad cursor {handle}"))?;
        let fetch = format!("FETCH NEXT FROM {}", cur.name);
        let rows = cur.conn.query(fetch.as_str(), &[])?;
        Ok(rows.first().map(|r| r.get::<_, i64>(0)).unwrap_or(-1))
    })?;

    linker.func_wrap("host", "query_close", |caller: Caller<'_, HostState>, handle: u32| -> anyhow::Result<()> {
        let removed = caller.data().shared.cursors.lock().unwrap().remove(&handle);
        if let Some(mut cur) = removed {
            cur.conn.batch_execute(&format!("CLOSE {}; COMMIT", cur.name))?;
        }
        Ok(())
    })?;

    Ok(())
}

use mysql::prelude::Queryable;
use mysql::{Conn, Opts, Pool};
use wasmer::{FunctionEnvMut, Memory};

/// State visible to the host functions the rule module imports.
pub struct HostEnv {
    pub memory: Option<Memory>,
    pub orders: Pool,
    pub audit: Pool,
    pub sanctions_url: String,
}

fn read_guest_str(env: &FunctionEnvMut<HostEnv>, ptr: u32, len: u32) -> String {
    let memory = env.data().memory.as_ref().expect("guest memory not attached");
    let view = memory.view(env);
    let mut buf = vec![0u8; len as usize];
    view.read(ptr as u64, &mut buf).expect("read guest memory");
    String::from_utf8_lossy(&buf).into_owned()
}

/// host.credit_limit(customer_id) -> cents, or -1 on error.
pub fn credit_limit(env: FunctionEnvMut<HostEnv>, customer_id: i64) -> i64 {
    let mut conn = match env.data().orders.get_conn() {
        Ok(c) => c,
        Err(e) => {
            log::error!("orders db: {e}");
            return -1;
        }
    };
    conn.exec_first::<i64, _, _>(
        "SELECT credit_limit_cents FROM customers WHERE id = ?",
        (customer_id,),
    )
    .ok()
    .flatten()
    .unwrap_or(0)
}

/// host.sanctions_hit(name_ptr, name_len) -> 1 if the name is on the list.
pub fn sanctions_hit(env: FunctionEnvMut<HostEnv>, ptr: u32, len: u32) -> i32 {
    let name = read_guest_str(&env, ptr, len).to_lowercase();
    let opts = match Opts::from_url(&env.data().sanctions_url) {
        Ok(o) => o,
        Err(e) => {
            log::error!("bad SANCTIONS_DB_URL: {e}");
            return 0;
        }
    };
    let mut conn = match Conn::new(opts) {
        Ok(c) => c,
        Err(e) => {
            log::error!("sanctions db: {e}");
            return 0;
        }
    };
    let hit: Option<u8> = conn
        .exec_first(
            "SELECT 1 FROM sanctioned_entities WHERE normalized_name = ? LIMIT 1",
            (name,),
        )
        .unwrap_or(None);
    i32::from(hit.is_some())
}

/// host.record_decision(order_id, verdict, reason_ptr, reason_len) -> 0 ok / -1 error.
pub fn record_decision(env: FunctionEnvMut<HostEnv>, order_id: i64, verdict: i32, ptr: u32, len: u32) -> i32 {
    let reason = read_guest_str(&env, ptr, len);
    match crate::audit::record(&env.data().audit, order_id, verdict, &reason) {
        Ok(()) => 0,
        Err(e) => {
            log::error!("audit write failed for order {order_id}: {e}");
            -1
        }
    }
}

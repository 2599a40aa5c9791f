use redis_module::{redis_module, Context, RedisString, Status};

mod backends;
mod commands;

fn init(ctx: &Context, args: &[RedisString]) -> Status {
    let dsn = args
        .first()
        .map(|a| a.to_string())
        .unwrap_or_else(|| "host=localhost user=geofence dbname=geo".to_string());
    match backends::init_pg(&dsn) {
        Ok(()) => Status::Ok,
        Err(e) => {
            ctx.log_warning(&format!("geofence: cannot open postgres pool: {e}"));
            Status::Err
        }
    }
}

redis_module! {
    name: "geofence",
    version: 1,
    allocator: (redis_module::alloc::RedisAlloc, redis_module::alloc::RedisAlloc),
    data_types: [],
    init: init,
    commands: [
        ["geofence.check", commands::check, "readonly", 0, 0, 0],
        ["geofence.reload", commands::reload, "write", 0, 0, 0],
    ],
}

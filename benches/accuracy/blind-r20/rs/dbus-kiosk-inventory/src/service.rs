use std::collections::HashMap;

use dbus::MethodErr;
use dbus_crossroads::{Crossroads, IfaceToken};
use r2d2::PooledConnection;
use r2d2_postgres::{postgres::NoTls, PostgresConnectionManager};

use crate::audit;
use crate::db::PgPool;

type PgConn = PooledConnection<PostgresConnectionManager<NoTls>>;

pub struct Inventory {
    pool: PgPool,
    next_cursor: u32,
    cursors: HashMap<u32, PgConn>,
}

impl Inventory {
    pub fn new(pool: PgPool) -> Self {
        Self { pool, next_cursor: 1, cursors: HashMap::new() }
    }
}

fn db_err(e: impl std::fmt::Display) -> MethodErr {
    MethodErr::failed(&e)
}

pub fn register(cr: &mut Crossroads) -> IfaceToken<Inventory> {
    cr.register("com.acme.KioskInventory1", |b| {
        b.method("LookupSku", ("sku",), ("name", "on_hand"), |ctx, inv: &mut Inventory, (sku,): (String,)| {
            let mut conn = inv.pool.get().map_err(db_err)?;
            let row = conn
                .query_one("SELECT name, on_hand FROM stock WHERE sku = $1", &[&sku])
                .map_err(db_err)?;
            audit::record(ctx.message().sender().as_deref().unwrap_or("?"), "LookupSku", &sku);
            Ok((row.get::<_, String>(0), row.get::<_, i32>(1)))
        });

        // Opens a server-side cursor for a category; the kiosk pages through it with FetchPage.
        b.method("OpenCursor", ("category",), ("cursor_id",), |_ctx, inv: &mut Inventory, (category,): (String,)| {
            let mut conn = inv.pool.get().map_err(db_err)?;
            conn.batch_execute("BEGIN READ ONLY").map_err(db_err)?;
            conn.execute(
                "DECLARE browse NO SCROLL CURSOR FOR SELECT sku, name FROM stock WHERE category = $1 ORDER BY name",
                &[&category],
            )
            .map_err(db_err)?;
            let id = inv.next_cursor;
            inv.next_cursor += 1;
            inv.cursors.insert(id, conn);
            Ok((id,))
        });

        b.method("FetchPage", ("cursor_id", "size"), ("items",), |_ctx, inv: &mut Inventory, (id, size): (u32, u32)| {
            let conn = inv.cursors.get_mut(&id).ok_or_else(|| MethodErr::invalid_arg("cursor_id"))?;
            let rows = conn
                .query(format!("FETCH {} FROM browse", size.min(100)).as_str(), &[])
                .map_err(db_err)?;
            let items: Vec<String> = rows
                .iter()
                .map(|r| format!("{}\t{}", r.get::<_, String>(0), r.get::<_, String>(1)))
                .collect();
            if items.is_empty() {
                if let Some(mut conn) = inv.cursors.remove(&id) {
                    let _ = conn.batch_execute("CLOSE browse; COMMIT");
                }
            }
            Ok((items,))
        });
    })
}

use std::collections::HashMap;
use std::sync::Mutex;

use mysql::prelude::Queryable;
use mysql::{Pool, PooledConn};

use crate::catalog::{CatalogSyncHandler, Product};
use crate::reviews;

struct Cursor {
    conn: PooledConn,
    category: String,
    last_id: u64,
}

pub struct CatalogHandler {
    pool: Pool,
    mongo_uri: String,
    cursors: Mutex<HashMap<String, Cursor>>,
}

impl CatalogHandler {
    pub fn new(pool: Pool, mongo_uri: String) -> Self {
        CatalogHandler { pool, mongo_uri, cursors: Mutex::new(HashMap::new()) }
    }
}

fn db_err(e: mysql::Error) -> thrift::Error {
    thrift::Error::from(format!("catalog db: {e}"))
}

impl CatalogSyncHandler for CatalogHandler {
    fn handle_get_product(&self, sku: String) -> thrift::Result<Product> {
        let mut conn = self.pool.get_conn().map_err(db_err)?;
        let row: Option<(String, String, i64)> = conn
            .exec_first("SELECT sku, name, price_cents FROM products WHERE sku = ?", (sku.as_str(),))
            .map_err(db_err)?;
        let Some((sku, name, price)) = row else {
            return Err(thrift::Error::from(format!("no product {sku}")));
        };
        let reviews = reviews::count_for(&self.mongo_uri, &sku).unwrap_or_else(|e| {
            log::warn!("review count for {sku}: {e}");
            0
        });
        Ok(Product::new(sku, name, price, reviews))
    }

    /// Starts a consistent-snapshot scan so that paging is stable while the catalog is edited.
    fn handle_open_cursor(&self, category: String) -> thrift::Result<String> {
        let mut conn = self.pool.get_conn().map_err(db_err)?;
        conn.query_drop("START TRANSACTION WITH CONSISTENT SNAPSHOT, READ ONLY").map_err(db_err)?;
        let id = uuid::Uuid::new_v4().to_string();
        self.cursors.lock().unwrap().insert(id.clone(), Cursor { conn, category, last_id: 0 });
        Ok(id)
    }

    fn handle_fetch_page(&self, cursor: String, limit: i32) -> thrift::Result<Vec<Product>> {
        let mut cursors = self.cursors.lock().unwrap();
        let c = cursors
            .get_mut(&cursor)
            .ok_or_else(|| thrift::Error::from(format!("unknown cursor {cursor}")))?;
        let rows: Vec<(u64, String, String, i64)> = c
            .conn
            .exec(
                "SELECT id, sku, name, price_cents FROM products \
                 WHERE category = ? AND id > ? ORDER BY id LIMIT ?",
                (c.category.as_str(), c.last_id, limit.clamp(1, 500)),
            )
            .map_err(db_err)?;
        if let Some((id, ..)) = rows.last() {
            c.last_id = *id;
        }
        Ok(rows.into_iter().map(|(_, sku, name, price)| Product::new(sku, name, price, None)).collect())
    }

    fn handle_close_cursor(&self, cursor: String) -> thrift::Result<()> {
        if let Some(mut c) = self.cursors.lock().unwrap().remove(&cursor) {
            let _ = c.conn.query_drop("COMMIT");
        }
        Ok(())
    }
}

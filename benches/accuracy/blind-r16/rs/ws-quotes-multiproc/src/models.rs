use diesel::prelude::*;
use serde::{Deserialize, Serialize};

use crate::schema::quotes;

#[derive(Queryable, Selectable, Serialize)]
#[diesel(table_name = quotes)]
pub struct Quote {
    pub id: i64,
    pub symbol: String,
    pub price_micros: i64,
    pub quoted_ms: i64,
}

#[derive(Insertable, Deserialize)]
#[diesel(table_name = quotes)]
pub struct NewQuote {
    pub symbol: String,
    pub price_micros: i64,
    pub quoted_ms: i64,
}

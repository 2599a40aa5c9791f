use mysql::prelude::*;
use mysql::Pool;
use riker::actors::*;
use serde::Serialize;

#[derive(Clone, Debug)]
pub struct IndexJob {
    pub sku: String,
}

#[derive(Clone)]
pub struct IndexerArgs {
    pub pool: Pool,
    pub http: reqwest::blocking::Client,
    pub search_url: String,
}

pub struct Indexer {
    args: IndexerArgs,
}

#[derive(Serialize)]
struct SearchDoc {
    id: String,
    title: String,
    brand: String,
    price_cents: i64,
    in_stock: bool,
}

impl ActorFactoryArgs<IndexerArgs> for Indexer {
    fn create_args(args: IndexerArgs) -> Self {
        Indexer { args }
    }
}

impl Indexer {
    fn index(&self, sku: &str) -> Result<(), Box<dyn std::error::Error>> {
        let mut conn = self.args.pool.get_conn()?;
        let row: Option<(String, String, i64, i32)> = conn.exec_first(
            "SELECT p.title, b.name, p.price_cents, s.on_hand \
             FROM products p JOIN brands b ON b.id = p.brand_id JOIN stock s ON s.sku = p.sku \
             WHERE p.sku = ?",
            (sku,),
        )?;
        drop(conn);

        let url = format!("{}/indexes/products/documents", self.args.search_url);
        match row {
            Some((title, brand, price_cents, on_hand)) => {
                let doc = SearchDoc { id: sku.to_string(), title, brand, price_cents, in_stock: on_hand > 0 };
                self.args.http.post(&url).json(&[doc]).send()?.error_for_status()?;
            }
            None => {
                self.args.http.delete(format!("{url}/{sku}")).send()?.error_for_status()?;
            }
        }
        Ok(())
    }
}

impl Actor for Indexer {
    type Msg = IndexJob;

    fn recv(&mut self, ctx: &Context<Self::Msg>, msg: Self::Msg, _sender: Sender) {
        if let Err(e) = self.index(&msg.sku) {
            log::error!("{}: indexing {} failed: {e}", ctx.myself().name(), msg.sku);
        }
    }
}

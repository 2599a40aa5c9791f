//! Tells the store's customer display and stock screens that a sale landed.

pub fn sale_journalled(till_id: &str, rowid: i64) {
    let url = std::env::var("STORE_REDIS_URL").unwrap_or_else(|_| "redis://10.0.0.2/".to_owned());
    let client = match redis::Client::open(url) {
        Ok(client) => client,
        Err(err) => {
            eprintln!("redis url: {err}");
            return;
        }
    };
    let result = client.get_connection().and_then(|mut con| {
        redis::cmd("PUBLISH")
            .arg("till-sales")
            .arg(format!("{till_id}:{rowid}"))
            .query::<i64>(&mut con)
    });
    if let Err(err) = result {
        eprintln!("sale notification dropped: {err}");
    }
}

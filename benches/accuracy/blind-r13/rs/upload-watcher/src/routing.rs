/// Where a spooled file goes. Files are named `<tenant>__<original name>`;
/// EU tenants are kept in an eu-central-1 bucket.
pub struct Route {
    pub bucket: String,
    pub key: String,
    pub region: Option<String>,
}

pub fn route_for(file_name: &str) -> Route {
    let (tenant, original) = file_name.split_once("__").unwrap_or(("shared", file_name));
    let eu = tenant.starts_with("eu-");
    Route {
        bucket: if eu { "uploads-eu-central".to_string() } else { "uploads-us-east".to_string() },
        key: format!("{tenant}/{original}"),
        region: eu.then(|| "eu-central-1".to_string()),
    }
}

//! FSEvents delivers one `fsevent::Event` per changed path under the drop root; the
//! loop below handles them one at a time for as long as the agent runs (launchd).

use std::path::{Path, PathBuf};
use std::sync::mpsc::channel;
use std::thread;

use fsevent::{FsEvent, StreamFlags};

mod catalog;
mod tenants;

const DROP_ROOT: &str = "/Volumes/Studio/Drops";

fn tenant_of(path: &Path) -> Option<String> {
    let rel = path.strip_prefix(DROP_ROOT).ok()?;
    rel.components().next().map(|c| c.as_os_str().to_string_lossy().into_owned())
}

fn main() {
    env_logger::init();

    let config = tenants::TenantConfig::load("/usr/local/etc/asset-intake/tenants.toml")
        .expect("tenants.toml");
    tenants::init(config);

    let mongo_url = std::env::var("CATALOG_MONGO_URL").expect("CATALOG_MONGO_URL");
    let catalog = catalog::Catalog::connect(&mongo_url).expect("catalog connection");

    let (tx, rx) = channel();
    let _watcher = thread::spawn(move || {
        let mut stream = FsEvent::new(vec![DROP_ROOT.to_string()]);
        stream.observe(tx);
    });

    log::info!("watching {DROP_ROOT}");
    for event in rx {
        let created = event.flag.contains(StreamFlags::ITEM_CREATED)
            || event.flag.contains(StreamFlags::ITEM_RENAMED);
        if !created || !event.flag.contains(StreamFlags::IS_FILE) {
            continue;
        }
        let path = PathBuf::from(&event.path);
        if path.file_name().map_or(true, |n| n.to_string_lossy().starts_with('.')) {
            continue;
        }
        let Some(tenant) = tenant_of(&path) else { continue };

        match catalog.register(&tenant, &path) {
            Ok(Some(asset_id)) => {
                if let Err(e) = tenants::enqueue(&tenant, &asset_id) {
                    log::error!("{tenant}: could not queue {asset_id}: {e}");
                }
            }
            Ok(None) => log::debug!("{} already catalogued", path.display()),
            Err(e) => log::error!("{}: catalog insert failed: {e}", path.display()),
        }
    }
}

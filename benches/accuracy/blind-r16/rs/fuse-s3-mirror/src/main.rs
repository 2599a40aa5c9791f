use std::env;

use fuser::MountOption;
use tokio::runtime::Runtime;

mod fs;
mod remote;

fn main() {
    env_logger::init();
    let mut args = env::args().skip(1);
    let bucket = args.next().expect("usage: s3mirrorfs BUCKET PREFIX MOUNTPOINT");
    let prefix = args.next().expect("missing PREFIX");
    let mountpoint = args.next().expect("missing MOUNTPOINT");
    let redis_url = env::var("ATTR_CACHE_URL").unwrap_or_else(|_| "redis://127.0.0.1/3".into());

    let rt = Runtime::new().expect("tokio runtime");

    // Initial listing to build the inode table.
    let lister = remote::s3_client(&rt);
    let objects = remote::list_prefix(&rt, &lister, &bucket, &prefix).expect("listing bucket");
    drop(lister);

    let filesystem = fs::MirrorFs::new(rt, bucket, prefix, redis_url, objects);
    let options = vec![
        MountOption::FSName("s3mirror".to_string()),
        MountOption::AutoUnmount,
        MountOption::AllowOther,
    ];
    fuser::mount2(filesystem, &mountpoint, &options).expect("mount failed");
}

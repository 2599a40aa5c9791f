use linkme::distributed_slice;

use crate::services::Services;

mod reindex;
mod refund;

pub struct Command {
    pub name: &'static str,
    pub run: fn(&Services, &[&str]) -> anyhow::Result<()>,
}

#[distributed_slice]
pub static COMMANDS: [Command];

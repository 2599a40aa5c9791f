use std::sync::mpsc::Sender;
use std::sync::Arc;

use druid::{AppDelegate, Command, DelegateCtx, Env, Handled, Selector, Target};

use crate::model::{AppState, Item};
use crate::worker::Job;

pub const LOAD_ITEMS: Selector = Selector::new("stocktake.load-items");
pub const SAVE_COUNTS: Selector = Selector::new("stocktake.save-counts");
pub const SYNC_TO_HQ: Selector = Selector::new("stocktake.sync");
pub const ITEMS_LOADED: Selector<Vec<Item>> = Selector::new("stocktake.items-loaded");
pub const STATUS: Selector<String> = Selector::new("stocktake.status");

/// Built once in main; druid calls `command` for every command submitted.
pub struct Delegate {
    jobs: Sender<Job>,
}

impl Delegate {
    pub fn new(jobs: Sender<Job>) -> Self {
        Self { jobs }
    }
}

impl AppDelegate<AppState> for Delegate {
    fn command(
        &mut self,
        _ctx: &mut DelegateCtx,
        _target: Target,
        cmd: &Command,
        data: &mut AppState,
        _env: &Env,
    ) -> Handled {
        if cmd.is(LOAD_ITEMS) {
            data.status = "loading…".into();
            let _ = self.jobs.send(Job::Load);
            Handled::Yes
        } else if cmd.is(SAVE_COUNTS) {
            data.status = "saving…".into();
            let _ = self.jobs.send(Job::Save(data.items.as_ref().clone()));
            Handled::Yes
        } else if cmd.is(SYNC_TO_HQ) {
            data.status = "syncing…".into();
            let _ = self.jobs.send(Job::Sync);
            Handled::Yes
        } else if let Some(items) = cmd.get(ITEMS_LOADED) {
            data.items = Arc::new(items.clone());
            data.status = format!("{} items", items.len());
            Handled::Yes
        } else if let Some(status) = cmd.get(STATUS) {
            data.status = status.clone();
            Handled::Yes
        } else {
            Handled::No
        }
    }
}

mod apply;
mod cache;
mod command;

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::{Duration, Instant};

use raft::prelude::*;
use raft::storage::MemStorage;
use slog::{o, Drain};

use apply::FlagState;
use command::FlagCommand;

enum Msg {
    Propose(FlagCommand),
    Raft(Message),
}

fn main() -> anyhow::Result<()> {
    let decorator = slog_term::TermDecorator::new().build();
    let drain = slog_term::FullFormat::new(decorator).build().fuse();
    let drain = slog_async::Async::new(drain).build().fuse();
    let logger = slog::Logger::root(drain, o!("component" => "raft-kv"));

    let node_id: u64 = std::env::var("NODE_ID").unwrap_or_else(|_| "1".into()).parse()?;
    let cfg = Config { id: node_id, election_tick: 10, heartbeat_tick: 3, ..Default::default() };
    cfg.validate()?;
    let storage = MemStorage::new_with_conf_state((vec![1], vec![]));
    let mut node = RawNode::new(&cfg, storage, &logger)?;

    let (tx, rx) = mpsc::channel::<Msg>();
    let client_tx = tx.clone();
    thread::spawn(move || {
        let listener = TcpListener::bind("0.0.0.0:7400").expect("bind");
        for stream in listener.incoming().flatten() {
            let tx = client_tx.clone();
            thread::spawn(move || {
                let mut writer = stream.try_clone().expect("clone stream");
                for line in BufReader::new(stream).lines().map_while(Result::ok) {
                    match FlagCommand::parse_line(&line) {
                        Some(cmd) => {
                            let _ = tx.send(Msg::Propose(cmd));
                            let _ = writeln!(writer, "ACCEPTED");
                        }
                        None => {
                            let _ = writeln!(writer, "ERR syntax");
                        }
                    }
                }
            });
        }
    });
    drop(tx);

    let mut state = FlagState::default();
    let mut tick = Duration::from_millis(100);
    let mut last = Instant::now();
    loop {
        match rx.recv_timeout(tick) {
            Ok(Msg::Propose(cmd)) => {
                let data = serde_json::to_vec(&cmd)?;
                if let Err(e) = node.propose(vec![], data) {
                    slog::warn!(logger, "proposal dropped"; "error" => %e);
                }
            }
            Ok(Msg::Raft(m)) => node.step(m)?,
            Err(RecvTimeoutError::Timeout) => {}
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        }

        let elapsed = last.elapsed();
        if elapsed >= tick {
            node.tick();
            last = Instant::now();
            tick = Duration::from_millis(100);
        } else {
            tick -= elapsed;
        }

        on_ready(&mut node, &mut state, &logger)?;
    }
}

fn on_ready(node: &mut RawNode<MemStorage>, state: &mut FlagState, logger: &slog::Logger) -> anyhow::Result<()> {
    if !node.has_ready() {
        return Ok(());
    }
    let store = node.raft.raft_log.store.clone();
    let mut ready = node.ready();

    if !ready.snapshot().is_empty() {
        store.wl().apply_snapshot(ready.snapshot().clone())?;
    }

    for entry in ready.take_committed_entries() {
        if entry.get_entry_type() == EntryType::EntryNormal {
            if let Err(e) = state.apply_entry(&entry) {
                slog::error!(logger, "apply failed"; "index" => entry.index, "error" => %e);
            }
        }
    }

    if !ready.entries().is_empty() {
        store.wl().append(ready.entries())?;
    }
    if let Some(hs) = ready.hs() {
        store.wl().set_hardstate(hs.clone());
    }

    let mut light = node.advance(ready);
    if let Some(commit) = light.commit_index() {
        store.wl().mut_hard_state().set_commit(commit);
    }
    for entry in light.take_committed_entries() {
        if entry.get_entry_type() == EntryType::EntryNormal {
            if let Err(e) = state.apply_entry(&entry) {
                slog::error!(logger, "apply failed"; "index" => entry.index, "error" => %e);
            }
        }
    }
    node.advance_apply();
    Ok(())
}

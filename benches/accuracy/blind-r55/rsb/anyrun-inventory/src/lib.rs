//! anyrun loads this cdylib once when the launcher starts. `init` runs once and its
//! return value is kept by anyrun and handed back by reference to every later call:
//! `get_matches` runs on every keystroke, `handler` when a match is selected.

use abi_stable::std_types::{ROption, RString, RVec};
use anyrun_plugin::*;

mod inventory;

use inventory::{Host, Services};

pub struct State {
    services: Option<Services>,
    prefix: String,
}

#[init]
fn init(config_dir: RString) -> State {
    let cfg = inventory::Config::load(&config_dir);
    let prefix = cfg.prefix.clone();
    let services = match Services::build(&cfg) {
        Ok(s) => Some(s),
        Err(e) => {
            eprintln!("[anyrun-inventory] disabled: {e}");
            None
        }
    };
    State { services, prefix }
}

#[info]
fn info() -> PluginInfo {
    PluginInfo {
        name: "Inventory".into(),
        icon: "network-server".into(),
    }
}

#[get_matches]
fn get_matches(input: RString, state: &State) -> RVec<Match> {
    let Some(services) = &state.services else {
        return RVec::new();
    };
    let Some(term) = input.strip_prefix(state.prefix.as_str()) else {
        return RVec::new();
    };
    let term = term.trim();
    if term.len() < 2 {
        return RVec::new();
    }

    match services.search(term) {
        Ok(hosts) => hosts.iter().map(to_match).collect(),
        Err(e) => {
            eprintln!("[anyrun-inventory] search failed: {e}");
            RVec::new()
        }
    }
}

fn to_match(h: &Host) -> Match {
    Match {
        title: h.fqdn.clone().into(),
        icon: ROption::RSome("network-server".into()),
        use_pango: false,
        description: ROption::RSome(format!("{} · {} · {}", h.role, h.site, h.owner).into()),
        id: ROption::RSome(h.id as u64),
    }
}

#[handler]
fn handler(selection: Match, state: &State) -> HandleResult {
    if let (Some(services), ROption::RSome(id)) = (&state.services, selection.id) {
        if let Err(e) = services.record_jump(id as i64) {
            eprintln!("[anyrun-inventory] could not record jump: {e}");
        }
    }
    let cmd = format!("ssh {}\n", selection.title);
    HandleResult::Stdout(cmd.into_bytes().into())
}

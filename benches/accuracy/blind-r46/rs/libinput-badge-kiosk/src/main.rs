//! Lobby kiosk: the USB badge reader types the badge number followed by Enter.
//! We read it through libinput, resolve the person in LDAP and log the visit.

mod db;
mod ldap_pool;

use std::fs::{File, OpenOptions};
use std::os::fd::OwnedFd;
use std::os::unix::fs::OpenOptionsExt;
use std::path::Path;

use input::event::keyboard::{KeyState, KeyboardEvent, KeyboardEventTrait};
use input::{Event, Libinput, LibinputInterface};
use ldap3::{Scope, SearchEntry};

struct Interface;

impl LibinputInterface for Interface {
    fn open_restricted(&mut self, path: &Path, flags: i32) -> Result<OwnedFd, i32> {
        OpenOptions::new()
            .custom_flags(flags)
            .read(true)
            .write((flags & libc::O_RDWR) != 0)
            .open(path)
            .map(|file| file.into())
            .map_err(|err| err.raw_os_error().unwrap_or(libc::EIO))
    }
    fn close_restricted(&mut self, fd: OwnedFd) {
        drop(File::from(fd));
    }
}

fn digit(code: u32) -> Option<char> {
    // evdev KEY_1..KEY_9 = 2..10, KEY_0 = 11
    match code {
        2..=10 => char::from_digit(code - 1, 10),
        11 => Some('0'),
        _ => None,
    }
}

async fn check_in(pg: &sqlx::PgPool, ldap: &ldap_pool::LdapPool, badge: &str) -> anyhow::Result<()> {
    let mut conn = ldap.get().await.map_err(|e| anyhow::anyhow!("ldap pool: {e}"))?;
    let filter = format!("(employeeNumber={})", ldap3::ldap_escape(badge));
    let (entries, _res) = conn
        .search("ou=people,dc=corp,dc=example", Scope::Subtree, &filter, vec!["cn", "mail"])
        .await?
        .success()?;
    let Some(entry) = entries.into_iter().next() else {
        eprintln!("unknown badge {badge}");
        return Ok(());
    };
    let person = SearchEntry::construct(entry);
    let name = person.attrs.get("cn").and_then(|v| v.first()).cloned().unwrap_or_default();

    sqlx::query("INSERT INTO lobby_visits (badge, display_name, seen_at) VALUES ($1, $2, now())")
        .bind(badge)
        .bind(&name)
        .execute(pg)
        .await?;
    println!("welcome, {name}");
    Ok(())
}

fn main() -> anyhow::Result<()> {
    let rt = tokio::runtime::Runtime::new()?;
    let pg = rt.block_on(db::make_pool(&std::env::var("DATABASE_URL")?))?;
    let ldap = ldap_pool::build(
        std::env::var("LDAP_URL")?,
        std::env::var("LDAP_BIND_DN")?,
        std::env::var("LDAP_BIND_PW")?,
    )?;

    let mut input = Libinput::new_with_udev(Interface);
    input.udev_assign_seat("seat0").map_err(|()| anyhow::anyhow!("cannot assign seat0"))?;

    let mut badge = String::new();
    loop {
        input.dispatch()?;
        for event in &mut input {
            let Event::Keyboard(KeyboardEvent::Key(key)) = event else { continue };
            if key.key_state() != KeyState::Pressed {
                continue;
            }
            match key.key() {
                28 if !badge.is_empty() => {
                    // KEY_ENTER: a full badge number has been typed
                    if let Err(e) = rt.block_on(check_in(&pg, &ldap, &badge)) {
                        eprintln!("check-in failed for {badge}: {e:#}");
                    }
                    badge.clear();
                }
                code => badge.extend(digit(code)),
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
}

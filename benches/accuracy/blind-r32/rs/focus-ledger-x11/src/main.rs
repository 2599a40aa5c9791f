mod presence;
mod store;

use std::time::Instant;

use x11rb::connection::Connection;
use x11rb::protocol::xproto::{AtomEnum, ChangeWindowAttributesAux, ConnectionExt, EventMask, Window};
use x11rb::protocol::Event;

struct Atoms {
    net_active_window: u32,
    net_wm_name: u32,
    utf8_string: u32,
}

fn intern(conn: &impl Connection, name: &[u8]) -> anyhow::Result<u32> {
    Ok(conn.intern_atom(false, name)?.reply()?.atom)
}

fn active_window(conn: &impl Connection, root: Window, atoms: &Atoms) -> anyhow::Result<Option<Window>> {
    let reply = conn
        .get_property(false, root, atoms.net_active_window, AtomEnum::WINDOW, 0, 1)?
        .reply()?;
    Ok(reply.value32().and_then(|mut it| it.next()).filter(|w| *w != 0))
}

fn window_title(conn: &impl Connection, win: Window, atoms: &Atoms) -> anyhow::Result<String> {
    let reply = conn
        .get_property(false, win, atoms.net_wm_name, atoms.utf8_string, 0, 1024)?
        .reply()?;
    Ok(String::from_utf8_lossy(&reply.value).into_owned())
}

fn main() -> anyhow::Result<()> {
    let (conn, screen_num) = x11rb::connect(None)?;
    let root = conn.setup().roots[screen_num].root;
    let atoms = Atoms {
        net_active_window: intern(&conn, b"_NET_ACTIVE_WINDOW")?,
        net_wm_name: intern(&conn, b"_NET_WM_NAME")?,
        utf8_string: intern(&conn, b"UTF8_STRING")?,
    };

    conn.change_window_attributes(root, &ChangeWindowAttributesAux::new().event_mask(EventMask::PROPERTY_CHANGE))?;
    conn.flush()?;

    let user = std::env::var("USER").unwrap_or_else(|_| "unknown".into());
    let mut current: Option<(String, Instant)> = None;

    loop {
        let event = conn.wait_for_event()?;
        let Event::PropertyNotify(ev) = event else { continue };
        if ev.atom != atoms.net_active_window {
            continue;
        }

        let Some(win) = active_window(&conn, root, &atoms)? else { continue };
        let title = window_title(&conn, win, &atoms)?;

        if let Some((prev_title, since)) = current.take() {
            let secs = since.elapsed().as_secs() as i32;
            if secs > 0 {
                let mut db = store::connect()?;
                store::record_span(&mut db, &user, &prev_title, secs)?;
            }
        }

        presence::focus_changed(&user, &title);
        current = Some((title, Instant::now()));
    }
}

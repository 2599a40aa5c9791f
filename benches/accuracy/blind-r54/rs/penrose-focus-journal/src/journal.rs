//! Focus journal: every time the focused window changes, record what I was
//! looking at so the weekly timesheet can be filled in from the database.

use chrono::Utc;
use penrose::core::hooks::{ManageHook, StateHook};
use penrose::core::State;
use penrose::x::{XConn, XConnExt};
use penrose::{Error, Result, Xid};
use postgres::NoTls;
use serde::Deserialize;

pub struct FocusJournal {
    dsn: String,
    last: Option<(Xid, String)>,
}

impl FocusJournal {
    pub fn new(dsn: String) -> Self {
        Self { dsn, last: None }
    }
}

impl<X: XConn> StateHook<X> for FocusJournal {
    // penrose runs the refresh hook after every change to the window
    // manager state (focus, tag switch, new/closed window, layout...)
    fn call(&mut self, state: &mut State<X>, x: &X) -> Result<()> {
        let Some(&id) = state.client_set.current_client() else {
            return Ok(());
        };
        let title = x.window_title(id).unwrap_or_default();
        if self.last.as_ref() == Some(&(id, title.clone())) {
            return Ok(());
        }
        self.last = Some((id, title.clone()));
        let tag = state.client_set.current_tag().to_string();

        let mut db = postgres::Client::connect(&self.dsn, NoTls)
            .map_err(|e| Error::Custom(format!("focus journal: {e}")))?;
        db.execute(
            "INSERT INTO focus_log (focused_at, workspace, window_id, title) VALUES ($1, $2, $3, $4)",
            &[&Utc::now(), &tag, &(*id as i64), &title],
        )
        .map_err(|e| Error::Custom(format!("focus journal: {e}")))?;
        Ok(())
    }
}

#[derive(Deserialize)]
struct ProjectMatch {
    project: Option<String>,
}

/// Asks the timesheet service which project a newly opened window belongs
/// to (by WM_CLASS) and logs it.
pub struct ProjectTagger {
    api: String,
}

impl ProjectTagger {
    pub fn new(api: &str) -> Self {
        Self { api: api.to_string() }
    }
}

impl<X: XConn> ManageHook<X> for ProjectTagger {
    fn call(&mut self, client: Xid, _state: &mut State<X>, x: &X) -> Result<()> {
        let class = x.get_prop(client, "WM_CLASS").ok().flatten();
        let class = format!("{class:?}");

        let http = reqwest::blocking::Client::new();
        let found = http
            .get(format!("{}/projects/match", self.api))
            .query(&[("wm_class", class.as_str())])
            .send()
            .and_then(|r| r.json::<ProjectMatch>());

        match found {
            Ok(ProjectMatch { project: Some(p) }) => tracing::info!(%client, project = %p, "window tagged"),
            Ok(_) => tracing::debug!(%client, "no project for window"),
            Err(err) => tracing::warn!(%err, "project lookup failed"),
        }
        Ok(())
    }
}

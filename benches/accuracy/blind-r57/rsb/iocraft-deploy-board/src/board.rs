//! The iocraft component tree. `DeployBoard` is re-rendered every time one
//! of its states changes (new rows every 5 s, status every 15 s, each key).
use std::time::Duration;

use iocraft::prelude::*;
use sqlx::postgres::PgPoolOptions;

use crate::data::{self, Deploy, StatusSummary};

#[derive(Default, Props)]
pub struct DeployBoardProps {
    pub database_url: String,
    pub status_url: String,
    pub deployer_url: String,
}

#[component]
pub fn DeployBoard(props: &DeployBoardProps, mut hooks: Hooks) -> impl Into<AnyElement<'static>> {
    let mut system = hooks.use_context_mut::<SystemContext>();
    let mut rows = hooks.use_state(Vec::<Deploy>::new);
    let mut health = hooks.use_state(|| String::from("loading…"));
    let mut notice = hooks.use_state(String::new);
    let mut selected = hooks.use_state(|| 0usize);
    let mut should_exit = hooks.use_state(|| false);

    let http = reqwest::Client::builder()
        .timeout(Duration::from_secs(10))
        .build()
        .unwrap_or_default();

    let database_url = props.database_url.clone();
    hooks.use_future(async move {
        loop {
            match PgPoolOptions::new().max_connections(2).connect(&database_url).await {
                Ok(pool) => match data::recent_deploys(&pool).await {
                    Ok(list) => rows.set(list),
                    Err(err) => notice.set(format!("query failed: {err}")),
                },
                Err(err) => notice.set(format!("database unreachable: {err}")),
            }
            tokio::time::sleep(Duration::from_secs(5)).await;
        }
    });

    let status_http = http.clone();
    let status_url = props.status_url.clone();
    hooks.use_future(async move {
        loop {
            let res = status_http.get(&status_url).send().await;
            if let Ok(resp) = res {
                if let Ok(summary) = resp.json::<StatusSummary>().await {
                    health.set(format!("{} ({})", summary.status.description, summary.status.indicator));
                }
            }
            tokio::time::sleep(Duration::from_secs(15)).await;
        }
    });

    let deployer_url = props.deployer_url.clone();
    hooks.use_terminal_events(move |event| match event {
        TerminalEvent::Key(KeyEvent { code, kind, .. }) if kind != KeyEventKind::Release => match code {
            KeyCode::Char('q') => should_exit.set(true),
            KeyCode::Up => selected.set(selected.get().saturating_sub(1)),
            KeyCode::Down => selected.set((selected.get() + 1).min(rows.read().len().saturating_sub(1))),
            KeyCode::Char('r') => {
                let Some(target) = rows.read().get(selected.get()).cloned() else { return };
                let http = http.clone();
                let url = format!("{}/api/services/{}/redeploy", deployer_url, target.service);
                notice.set(format!("redeploying {} {}", target.service, target.version));
                tokio::spawn(async move {
                    let _ = http.post(url).send().await;
                });
            }
            _ => {}
        },
        _ => {}
    });

    if should_exit.get() {
        system.exit();
    }

    element! {
        View(flex_direction: FlexDirection::Column, border_style: BorderStyle::Round, border_color: Color::Cyan, padding: 1) {
            Text(content: "Recent deploys  (↑/↓ select, r redeploy, q quit)", weight: Weight::Bold)
            #(rows.read().iter().enumerate().map(|(i, d)| element! {
                View(background_color: if i == selected.get() { Some(Color::DarkGrey) } else { None }) {
                    View(width: 30pct) { Text(content: d.service.clone()) }
                    View(width: 25pct) { Text(content: d.version.clone()) }
                    View(width: 25pct) {
                        Text(content: d.status.clone(), color: if d.status == "failed" { Color::Red } else { Color::Green })
                    }
                    View(width: 20pct) { Text(content: d.age()) }
                }
            }))
            Text(content: format!("status page: {}", health.read()))
            Text(content: notice.read().to_string(), color: Color::Yellow)
        }
    }
}

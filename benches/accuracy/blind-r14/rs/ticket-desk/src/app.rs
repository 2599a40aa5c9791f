use std::collections::HashMap;

use relm4::gtk::prelude::{BoxExt, ButtonExt, EditableExt, EntryExt, GtkWindowExt, OrientableExt};
use relm4::{gtk, Component, ComponentParts, ComponentSender, RelmWidgetExt};
use sqlx::pool::PoolConnection;
use sqlx::postgres::PgPoolOptions;
use sqlx::{PgPool, Postgres};

use crate::helpdesk;

pub struct AppInit {
    pub pool: PgPool,
    pub replica_url: String,
    pub helpdesk_base: String,
    pub helpdesk_token: String,
}

pub struct App {
    init: AppInit,
    status: String,
    results: Vec<(i64, String)>,
    /// Session-level advisory locks: the lock belongs to the connection holding it.
    claims: HashMap<i64, PoolConnection<Postgres>>,
}

#[derive(Debug)]
pub enum Msg {
    Search(String),
    Sync,
    Claim(i64),
    Release(i64),
    Resolve(i64),
}

#[derive(Debug)]
pub enum CmdOut {
    Results(Vec<(i64, String)>),
    Synced(usize),
    Claimed(i64, PoolConnection<Postgres>),
    Failed(String),
    Done(String),
}

#[relm4::component(pub)]
impl Component for App {
    type Init = AppInit;
    type Input = Msg;
    type Output = ();
    type CommandOutput = CmdOut;

    view! {
        gtk::Window {
            set_title: Some("Ticket desk"),
            set_default_size: (900, 600),

            gtk::Box {
                set_orientation: gtk::Orientation::Vertical,
                set_margin_all: 8,
                set_spacing: 6,

                gtk::SearchEntry {
                    connect_search_changed[sender] => move |entry| {
                        sender.input(Msg::Search(entry.text().to_string()));
                    },
                },
                gtk::Button {
                    set_label: "Sync from helpdesk",
                    connect_clicked => Msg::Sync,
                },
                gtk::Box {
                    set_orientation: gtk::Orientation::Horizontal,
                    set_spacing: 4,

                    #[name = "id_entry"]
                    gtk::Entry {
                        set_placeholder_text: Some("ticket #"),
                    },
                    gtk::Button {
                        set_label: "Claim",
                        connect_clicked[sender, id_entry] => move |_| {
                            if let Ok(id) = id_entry.text().parse() { sender.input(Msg::Claim(id)); }
                        },
                    },
                    gtk::Button {
                        set_label: "Release",
                        connect_clicked[sender, id_entry] => move |_| {
                            if let Ok(id) = id_entry.text().parse() { sender.input(Msg::Release(id)); }
                        },
                    },
                    gtk::Button {
                        set_label: "Resolve",
                        connect_clicked[sender, id_entry] => move |_| {
                            if let Ok(id) = id_entry.text().parse() { sender.input(Msg::Resolve(id)); }
                        },
                    },
                },
                gtk::Label {
                    #[watch]
                    set_label: &format!("{} ({} results, {} claimed)", model.status, model.results.len(), model.claims.len()),
                },
            }
        }
    }

    fn init(init: Self::Init, root: Self::Root, sender: ComponentSender<Self>) -> ComponentParts<Self> {
        let model = App { init, status: "ready".into(), results: Vec::new(), claims: HashMap::new() };
        let widgets = view_output!();
        ComponentParts { model, widgets }
    }

    fn update(&mut self, msg: Msg, sender: ComponentSender<Self>, _root: &Self::Root) {
        match msg {
            Msg::Search(text) => {
                let replica_url = self.init.replica_url.clone();
                sender.oneshot_command(async move {
                    let replica = match PgPoolOptions::new().max_connections(2).connect(&replica_url).await {
                        Ok(p) => p,
                        Err(e) => return CmdOut::Failed(e.to_string()),
                    };
                    match sqlx::query_as::<_, (i64, String)>(
                        "SELECT id, subject FROM tickets WHERE subject ILIKE '%' || $1 || '%' ORDER BY updated_at DESC LIMIT 50",
                    )
                    .bind(text)
                    .fetch_all(&replica)
                    .await
                    {
                        Ok(rows) => CmdOut::Results(rows),
                        Err(e) => CmdOut::Failed(e.to_string()),
                    }
                });
            }
            Msg::Sync => {
                let pool = self.init.pool.clone();
                let base = self.init.helpdesk_base.clone();
                let token = self.init.helpdesk_token.clone();
                sender.oneshot_command(async move {
                    let remote = match helpdesk::pull_tickets(&base, &token).await {
                        Ok(t) => t,
                        Err(e) => return CmdOut::Failed(e.to_string()),
                    };
                    let mut tx = match pool.begin().await {
                        Ok(tx) => tx,
                        Err(e) => return CmdOut::Failed(e.to_string()),
                    };
                    for t in &remote {
                        if let Err(e) = sqlx::query(
                            "INSERT INTO tickets (id, subject, requester, status, updated_at) VALUES ($1, $2, $3, $4, now()) \
                             ON CONFLICT (id) DO UPDATE SET subject = EXCLUDED.subject, status = EXCLUDED.status, updated_at = now()",
                        )
                        .bind(t.id)
                        .bind(&t.subject)
                        .bind(&t.requester)
                        .bind(&t.status)
                        .execute(&mut *tx)
                        .await
                        {
                            return CmdOut::Failed(e.to_string());
                        }
                    }
                    match tx.commit().await {
                        Ok(()) => CmdOut::Synced(remote.len()),
                        Err(e) => CmdOut::Failed(e.to_string()),
                    }
                });
            }
            Msg::Claim(id) => {
                let pool = self.init.pool.clone();
                sender.oneshot_command(async move {
                    let mut conn = match pool.acquire().await {
                        Ok(c) => c,
                        Err(e) => return CmdOut::Failed(e.to_string()),
                    };
                    match sqlx::query("SELECT pg_advisory_lock($1)").bind(id).execute(&mut *conn).await {
                        Ok(_) => CmdOut::Claimed(id, conn),
                        Err(e) => CmdOut::Failed(e.to_string()),
                    }
                });
            }
            Msg::Release(id) => {
                if let Some(mut conn) = self.claims.remove(&id) {
                    sender.oneshot_command(async move {
                        let _ = sqlx::query("SELECT pg_advisory_unlock($1)").bind(id).execute(&mut *conn).await;
                        CmdOut::Done(format!("released #{id}"))
                    });
                }
            }
            Msg::Resolve(id) => {
                let pool = self.init.pool.clone();
                sender.oneshot_command(async move {
                    match sqlx::query("UPDATE tickets SET status = 'resolved', updated_at = now() WHERE id = $1")
                        .bind(id)
                        .execute(&pool)
                        .await
                    {
                        Ok(_) => CmdOut::Done(format!("resolved #{id}")),
                        Err(e) => CmdOut::Failed(e.to_string()),
                    }
                });
            }
        }
    }

    fn update_cmd(&mut self, msg: CmdOut, _sender: ComponentSender<Self>, _root: &Self::Root) {
        match msg {
            CmdOut::Results(rows) => {
                self.status = "search done".into();
                self.results = rows;
            }
            CmdOut::Synced(n) => self.status = format!("synced {n} tickets"),
            CmdOut::Claimed(id, conn) => {
                self.claims.insert(id, conn);
                self.status = format!("claimed #{id}");
            }
            CmdOut::Failed(err) => self.status = format!("error: {err}"),
            CmdOut::Done(text) => self.status = text,
        }
    }
}

use std::cell::RefCell;
use std::collections::HashMap;

use nvim_oxi::api::{self, opts::CreateCommandOpts, types::CommandArgs, types::CommandNArgs, Buffer};
use postgres::NoTls;
use r2d2::PooledConnection;
use r2d2_postgres::PostgresConnectionManager;

use crate::{config, store};

type Conn = PooledConnection<PostgresConnectionManager<NoTls>>;

thread_local! {
    /// Buffers currently being edited, each holding the row lock on its ticket.
    pub static OPEN_EDITS: RefCell<HashMap<i32, (i64, Conn)>> = RefCell::new(HashMap::new());
}

pub fn install() -> nvim_oxi::Result<()> {
    let one_arg = CreateCommandOpts::builder().nargs(CommandNArgs::One).build();

    // :TicketEdit 4711  -> opens the ticket in a new buffer and locks it against other agents
    api::create_user_command("TicketEdit", |args: CommandArgs| ticket_edit(args), &one_arg)?;
    // :TicketClaim 4711 -> assigns the ticket to the current agent
    api::create_user_command("TicketClaim", |args: CommandArgs| ticket_claim(args), &one_arg)?;
    Ok(())
}

fn ticket_edit(args: CommandArgs) -> nvim_oxi::Result<()> {
    let id: i64 = args.args.unwrap_or_default().trim().parse().map_err(|_| api::Error::Other("ticket id".into()))?;

    let mut conn = store::POOL.get().map_err(|e| api::Error::Other(e.to_string()))?;
    conn.batch_execute("BEGIN").map_err(|e| api::Error::Other(e.to_string()))?;
    let row = conn
        .query_one("SELECT subject, body FROM tickets WHERE id = $1 FOR UPDATE NOWAIT", &[&id])
        .map_err(|e| api::Error::Other(e.to_string()))?;
    let body: String = row.get(1);

    let mut buf = api::create_buf(true, false)?;
    buf.set_name(format!("ticket-{id}.ticket.md"))?;
    buf.set_lines(.., true, body.lines())?;
    api::set_current_buf(&buf)?;

    OPEN_EDITS.with(|m| m.borrow_mut().insert(buf.handle(), (id, conn)));
    Ok(())
}

fn ticket_claim(args: CommandArgs) -> nvim_oxi::Result<()> {
    let id: i64 = args.args.unwrap_or_default().trim().parse().map_err(|_| api::Error::Other("ticket id".into()))?;
    let cfg = config::get();
    let agent = std::env::var("USER").unwrap_or_else(|_| "agent".into());

    let mut client = postgres::Client::connect(&cfg.database_url, NoTls).map_err(|e| api::Error::Other(e.to_string()))?;
    let n = client
        .execute("UPDATE tickets SET assignee = $2 WHERE id = $1 AND assignee IS NULL", &[&id, &agent])
        .map_err(|e| api::Error::Other(e.to_string()))?;
    let msg = if n == 1 { format!("claimed #{id}") } else { format!("#{id} already claimed") };
    api::notify(&msg, api::types::LogLevel::Info, &Default::default())?;
    Ok(())
}

/// Used by the BufWritePost autocmd: writes the body and releases the lock.
pub fn finish_edit(buf: &Buffer, body: &str) -> Result<Option<i64>, postgres::Error> {
    let Some((id, mut conn)) = OPEN_EDITS.with(|m| m.borrow_mut().remove(&buf.handle())) else {
        return Ok(None);
    };
    conn.execute("UPDATE tickets SET body = $2, updated_at = now() WHERE id = $1", &[&id, &body])?;
    conn.batch_execute("COMMIT")?;
    Ok(Some(id))
}

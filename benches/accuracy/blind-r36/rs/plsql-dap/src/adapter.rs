use dap::prelude::*;
use dap::responses::{EvaluateResponse, SetBreakpointsResponse, ThreadsResponse};
use dap::types::{Breakpoint, Thread};
use postgres::{Client, NoTls};

use crate::db;

#[derive(Debug, thiserror::Error)]
pub enum AdapterError {
    #[error("launch configuration is missing `dsn`")]
    MissingDsn,
    #[error("no debug session; send launch first")]
    NotLaunched,
    #[error(transparent)]
    Db(#[from] postgres::Error),
}

pub struct Adapter {
    dsn: Option<String>,
    target: Option<String>,
    /// Connection running the function under debug (one per debug session).
    session: Option<Client>,
}

impl Adapter {
    pub fn new() -> Self {
        Adapter { dsn: None, target: None, session: None }
    }

    fn dsn(&self) -> Result<&str, AdapterError> {
        self.dsn.as_deref().ok_or(AdapterError::NotLaunched)
    }

    pub fn handle(&mut self, req: Request) -> Result<Response, AdapterError> {
        let rsp = match req.command.clone() {
            Command::Initialize(_) => req.success(ResponseBody::Initialize(types::Capabilities {
                supports_evaluate_for_hovers: Some(true),
                supports_configuration_done_request: Some(true),
                ..Default::default()
            })),
            Command::Launch(args) => {
                let extra = args.additional_data.clone().unwrap_or_default();
                let dsn = extra["dsn"].as_str().ok_or(AdapterError::MissingDsn)?.to_string();
                let target = extra["function"].as_str().unwrap_or("public.main()").to_string();
                let mut session = db::connect(&dsn)?;
                session.batch_execute("LOAD 'plugin_debugger'")?;
                self.session = Some(session);
                self.dsn = Some(dsn);
                self.target = Some(target);
                req.success(ResponseBody::Launch)
            }
            Command::SetBreakpoints(args) => {
                let func_oid: i64 = args
                    .source
                    .name
                    .as_deref()
                    .and_then(|n| n.split('#').nth(1))
                    .and_then(|oid| oid.parse().ok())
                    .unwrap_or(0);
                let mut control = Client::connect(self.dsn()?, NoTls)?;
                let mut breakpoints = Vec::new();
                for bp in args.breakpoints.clone().unwrap_or_default() {
                    let row = control.query_one(
                        "SELECT pldbg_set_global_breakpoint(0, $1::oid, $2::int, NULL)",
                        &[&(func_oid as u32), &(bp.line as i32)],
                    );
                    breakpoints.push(Breakpoint {
                        verified: row.is_ok(),
                        line: Some(bp.line),
                        ..Default::default()
                    });
                }
                req.success(ResponseBody::SetBreakpoints(SetBreakpointsResponse { breakpoints }))
            }
            Command::ConfigurationDone => req.success(ResponseBody::ConfigurationDone),
            Command::Threads => req.success(ResponseBody::Threads(ThreadsResponse {
                threads: vec![Thread { id: 1, name: self.target.clone().unwrap_or_default() }],
            })),
            Command::Evaluate(args) => {
                // Hover / watch / REPL expressions are evaluated as SQL scalars.
                let mut client = db::connect(self.dsn()?)?;
                let sql = format!("SELECT ({})::text", args.expression);
                let result = match client.query_one(sql.as_str(), &[]) {
                    Ok(row) => row.get::<_, Option<String>>(0).unwrap_or_else(|| "NULL".into()),
                    Err(e) => format!("<error: {e}>"),
                };
                req.success(ResponseBody::Evaluate(EvaluateResponse {
                    result,
                    type_field: Some("text".into()),
                    ..Default::default()
                }))
            }
            Command::Disconnect(_) => {
                if let Some(session) = self.session.take() {
                    session.close()?;
                }
                req.success(ResponseBody::Disconnect)
            }
            _ => req.error("unsupported request"),
        };
        Ok(rsp)
    }
}

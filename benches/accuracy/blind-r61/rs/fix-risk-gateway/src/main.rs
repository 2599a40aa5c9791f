//! FIX 4.4 acceptor sitting between the OMS and the street router.
//! Every NewOrderSingle is checked against the account's notional limit
//! before it is allowed through; breaches are rejected at the app level.

use std::env;
use std::sync::{mpsc, Mutex};

use quickfix::*;
use quickfix_msg44::field_id;
use quickfix_msg44::field_types::MsgType;

mod limits;

struct RiskGateway {
    // One audit connection for the whole acceptor, opened in main.
    audit: Mutex<redis::Connection>,
}

impl RiskGateway {
    fn check_new_order(&self, msg: &Message, session: &SessionId) -> Result<(), MsgFromAppError> {
        let account = msg
            .get_field(field_id::ACCOUNT)
            .ok_or(MsgFromAppError::FieldNotFound)?;
        let symbol = msg
            .get_field(field_id::SYMBOL)
            .ok_or(MsgFromAppError::FieldNotFound)?;
        let qty: f64 = msg
            .get_field(field_id::ORDER_QTY)
            .and_then(|q| q.parse().ok())
            .ok_or(MsgFromAppError::IncorrectDataFormat)?;
        let px: f64 = msg
            .get_field(field_id::PRICE)
            .and_then(|p| p.parse().ok())
            .unwrap_or(0.0);
        let cl_ord_id = msg.get_field(field_id::CL_ORD_ID).unwrap_or_default();

        let mut db = limits::connect().map_err(|e| {
            log::error!("risk db unavailable: {e}");
            MsgFromAppError::IncorrectTagValue
        })?;
        let limit = limits::notional_limit(&mut db, &account, &symbol).map_err(|e| {
            log::error!("limit lookup failed for {account}/{symbol}: {e}");
            MsgFromAppError::IncorrectTagValue
        })?;

        let notional = qty * px;
        if notional > limit {
            log::warn!("{session:?} {cl_ord_id}: {account} {symbol} notional {notional} > {limit}");
            limits::notify_breach(&account, &symbol, notional, limit);
            return Err(MsgFromAppError::IncorrectTagValue);
        }

        let mut audit = self.audit.lock().expect("audit lock poisoned");
        let _: redis::RedisResult<String> = redis::cmd("XADD")
            .arg("fix:accepted")
            .arg("*")
            .arg("cl_ord_id")
            .arg(&cl_ord_id)
            .arg("account")
            .arg(&account)
            .arg("notional")
            .arg(notional)
            .query(&mut *audit);
        Ok(())
    }
}

impl ApplicationCallback for RiskGateway {
    fn on_logon(&self, session: &SessionId) {
        log::info!("logon {session:?}");
    }

    fn on_logout(&self, session: &SessionId) {
        log::info!("logout {session:?}");
    }

    fn on_msg_from_app(&self, msg: &Message, session: &SessionId) -> Result<(), MsgFromAppError> {
        let msg_type = msg
            .with_header(|h| h.get_field(field_id::MSG_TYPE))
            .ok_or(MsgFromAppError::FieldNotFound)?;
        if msg_type == MsgType::NewOrderSingle.as_fix_value() {
            self.check_new_order(msg, session)
        } else {
            Ok(())
        }
    }
}

fn main() -> anyhow::Result<()> {
    env_logger::init();
    let config_file = env::args().nth(1).unwrap_or_else(|| "config/acceptor.cfg".to_string());
    let redis_url = env::var("REDIS_URL").unwrap_or_else(|_| "redis://127.0.0.1/".to_string());

    let audit = redis::Client::open(redis_url)?.get_connection()?;
    let gateway = RiskGateway { audit: Mutex::new(audit) };

    let settings = SessionSettings::try_from_path(&config_file)?;
    let store_factory = FileMessageStoreFactory::try_new(&settings)?;
    let log_factory = LogFactory::try_new(&StdLogger::Stdout)?;
    let app = Application::try_new(&gateway)?;

    let mut acceptor = SocketAcceptor::try_new(&settings, &app, &store_factory, &log_factory)?;
    acceptor.start()?;
    log::info!("risk gateway accepting on {config_file}");

    let (stop_tx, stop_rx) = mpsc::channel();
    ctrlc::set_handler(move || {
        let _ = stop_tx.send(());
    })?;
    let _ = stop_rx.recv();

    acceptor.stop()?;
    Ok(())
}

mod audit;
mod host;
mod ledger;

use std::net::UdpSocket;

use anyhow::{anyhow, Result};
use serde::Deserialize;
use starlark::environment::{GlobalsBuilder, Module};
use starlark::eval::Evaluator;
use starlark::syntax::{AstModule, Dialect};

#[derive(Debug, Deserialize)]
pub struct PayoutRequest {
    pub payout_id: String,
    pub seller_id: String,
    pub seller_tier: String,
    pub amount: f64,
    pub currency: String,
}

fn main() -> Result<()> {
    let ledger_pool = ledger::make_pool()?;
    let audit_pool = audit::make_pool()?;

    let rules = std::fs::read_to_string("rules/payout.star")?;
    let globals = GlobalsBuilder::standard().with(host::payout_functions).build();

    let socket = UdpSocket::bind("0.0.0.0:9750")?;
    let mut buf = [0u8; 8192];

    loop {
        let (n, peer) = socket.recv_from(&mut buf)?;
        let req: PayoutRequest = match serde_json::from_slice(&buf[..n]) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("bad payout request from {peer}: {e}");
                continue;
            }
        };

        let ast = AstModule::parse("payout.star", rules.clone(), &Dialect::Standard)
            .map_err(|e| anyhow!("{e}"))?;
        let module = Module::new();
        module.set("amount", module.heap().alloc(req.amount));
        module.set("currency", module.heap().alloc(req.currency.as_str()));
        module.set("seller_tier", module.heap().alloc(req.seller_tier.as_str()));

        let approved = {
            let mut eval = Evaluator::new(&module);
            match eval.eval_module(ast, &globals) {
                Ok(v) => v.to_bool(),
                Err(e) => {
                    eprintln!("rule error for {}: {e}", req.payout_id);
                    false
                }
            }
        };

        ledger::record_decision(&ledger_pool, &req, approved)?;
        audit::append(&audit_pool, &peer.to_string(), &req, approved)?;
        socket.send_to(if approved { b"APPROVE" } else { b"REJECT " }, peer)?;
    }
}

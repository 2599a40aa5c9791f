pub mod ledger;
pub mod ledger_grpc;

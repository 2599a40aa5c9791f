// Regenerates src/protos/ledger.rs and src/protos/ledger_grpc.rs (gitignored).
fn main() {
    protoc_grpcio::compile_grpc_protos(&["ledger.proto"], &["proto"], "src/protos", None)
        .expect("failed to compile ledger.proto");
    println!("cargo:rerun-if-changed=proto/ledger.proto");
}

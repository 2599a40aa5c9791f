fn main() {
    let protos = ["./proto/catalog.proto"];
    for p in &protos {
        println!("cargo:rerun-if-changed={p}");
    }
    prost_build::Config::new()
        .service_generator(twirp_build::service_generator())
        .compile_protos(&protos, &["./proto"])
        .expect("compile protos");
}

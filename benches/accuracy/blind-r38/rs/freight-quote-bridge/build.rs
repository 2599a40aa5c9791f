fn main() {
    cxx_build::bridge("src/lib.rs")
        .std("c++17")
        .compile("freight_quote_bridge");
    println!("cargo:rerun-if-changed=src/lib.rs");
}

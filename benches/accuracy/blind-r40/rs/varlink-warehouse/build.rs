fn main() {
    varlink_generator::cargo_build_tosource("src/org.example.warehouse.varlink", true);
}

xflags::xflags! {
    /// Developer / release chores for the shop repo.
    cmd xtask {
        /// Load the demo catalogue from the design team's fixture service.
        cmd seed-demo {
            /// Tenant slug to seed into.
            required --tenant tenant: String
            optional --dry-run
        }
        /// Report products without images.
        cmd audit-images {}
    }
}

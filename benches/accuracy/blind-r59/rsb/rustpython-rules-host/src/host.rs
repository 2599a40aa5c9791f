//! The `shipping` module visible to the Python rules. Every function here is
//! called from choose_carrier, i.e. several times per order; they only borrow
//! the process-wide clients set up by store::init.

#[rustpython_vm::pymodule]
pub mod shipping {
    use rustpython_vm::builtins::PyStrRef;
    use rustpython_vm::{PyResult, VirtualMachine};

    use crate::store;

    /// Units of `sku` on hand in `warehouse`.
    #[pyfunction]
    fn stock_at(warehouse: PyStrRef, sku: PyStrRef, vm: &VirtualMachine) -> PyResult<i64> {
        store::stock_at(warehouse.as_str(), sku.as_str()).map_err(|e| vm.new_runtime_error(e.to_string()))
    }

    /// Quoted price in cents for a parcel, from the rate-shopping service.
    #[pyfunction]
    fn quote(carrier: PyStrRef, country: PyStrRef, weight_g: i64, vm: &VirtualMachine) -> PyResult<i64> {
        store::quote(carrier.as_str(), country.as_str(), weight_g)
            .map_err(|e| vm.new_runtime_error(e.to_string()))
    }

    /// Whether the carrier's pickup for today has already left the warehouse.
    #[pyfunction]
    fn pickup_closed(carrier: PyStrRef, warehouse: PyStrRef, vm: &VirtualMachine) -> PyResult<bool> {
        store::pickup_closed(carrier.as_str(), warehouse.as_str())
            .map_err(|e| vm.new_runtime_error(e.to_string()))
    }
}

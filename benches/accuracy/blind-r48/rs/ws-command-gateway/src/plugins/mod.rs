mod geo;
mod orders;
mod stock;

use diesel::prelude::*;
use gotham::helpers::http::response::{create_empty_response, create_response};
use gotham::hyper::{Body, Response, StatusCode};
use gotham::state::{FromState, State};
use gotham_derive::{StateData, StaticResponseExtender};
use serde::{Deserialize, Serialize};

use crate::db;
use crate::schema::products;

#[derive(Deserialize, StateData, StaticResponseExtender)]
pub struct ProductPath {
    id: i32,
}

#[derive(Queryable, Selectable, Serialize)]
#[diesel(table_name = products)]
pub struct Product {
    id: i32,
    name: String,
    price_cents: i64,
    in_stock: bool,
}

fn json<T: Serialize>(state: &State, value: &T) -> Response<Body> {
    match serde_json::to_vec(value) {
        Ok(body) => create_response(state, StatusCode::OK, mime::APPLICATION_JSON, body),
        Err(_) => create_empty_response(state, StatusCode::INTERNAL_SERVER_ERROR),
    }
}

pub fn list_products(state: State) -> (State, Response<Body>) {
    let res = match db::conn(&state) {
        Ok(mut conn) => match products::table
            .filter(products::in_stock.eq(true))
            .select(Product::as_select())
            .order(products::name.asc())
            .limit(100)
            .load(&mut conn)
        {
            Ok(rows) => json(&state, &rows),
            Err(_) => create_empty_response(&state, StatusCode::INTERNAL_SERVER_ERROR),
        },
        Err(_) => create_empty_response(&state, StatusCode::SERVICE_UNAVAILABLE),
    };
    (state, res)
}

pub fn get_product(state: State) -> (State, Response<Body>) {
    let id = ProductPath::borrow_from(&state).id;
    let res = match db::conn(&state) {
        Ok(mut conn) => match products::table
            .find(id)
            .select(Product::as_select())
            .first(&mut conn)
            .optional()
        {
            Ok(Some(p)) => json(&state, &p),
            Ok(None) => create_empty_response(&state, StatusCode::NOT_FOUND),
            Err(_) => create_empty_response(&state, StatusCode::INTERNAL_SERVER_ERROR),
        },
        Err(_) => create_empty_response(&state, StatusCode::SERVICE_UNAVAILABLE),
    };
    (state, res)
}

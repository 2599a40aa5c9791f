//! `require("shopdb")` on the Garry's Mod server. gmod13_open runs once when
//! the module is loaded; every ShopDB.* function below is called from Lua
//! hooks, net messages and timers for every player.

#[macro_use]
extern crate gmod;

mod cart;
mod db;
mod wallet;

#[lua_function]
unsafe fn lua_get_balance(lua: gmod::lua::State) -> i32 {
    let steamid = lua.check_string(1).to_string();
    match wallet::get_balance(&steamid) {
        Ok(points) => lua.push_number(points as f64),
        Err(e) => {
            eprintln!("[shopdb] balance lookup for {steamid} failed: {e}");
            lua.push_nil();
        }
    }
    1
}

#[lua_function]
unsafe fn lua_purchase(lua: gmod::lua::State) -> i32 {
    let steamid = lua.check_string(1).to_string();
    let item = lua.check_string(2).to_string();
    match wallet::purchase(&steamid, &item) {
        Ok(()) => {
            lua.push_boolean(true);
            1
        }
        Err(e) => {
            lua.push_boolean(false);
            lua.push_string(&e.to_string());
            2
        }
    }
}

#[lua_function]
unsafe fn lua_open_cart(lua: gmod::lua::State) -> i32 {
    let steamid = lua.check_string(1).to_string();
    lua.push_boolean(cart::open_cart(&steamid).is_ok());
    1
}

#[lua_function]
unsafe fn lua_add_to_cart(lua: gmod::lua::State) -> i32 {
    let steamid = lua.check_string(1).to_string();
    let item = lua.check_string(2).to_string();
    lua.push_boolean(cart::add_to_cart(&steamid, &item).is_ok());
    1
}

#[lua_function]
unsafe fn lua_checkout_cart(lua: gmod::lua::State) -> i32 {
    let steamid = lua.check_string(1).to_string();
    match cart::checkout_cart(&steamid) {
        Ok(()) => {
            lua.push_boolean(true);
            1
        }
        Err(e) => {
            lua.push_boolean(false);
            lua.push_string(&e);
            2
        }
    }
}

#[gmod13_open]
fn gmod13_open(lua: gmod::lua::State) -> i32 {
    if let Err(e) = db::init() {
        eprintln!("[shopdb] could not reach the shop database: {e}");
    }
    unsafe {
        lua.new_table();
        lua.push_function(lua_get_balance);
        lua.set_field(-2, lua_string!("GetBalance"));
        lua.push_function(lua_purchase);
        lua.set_field(-2, lua_string!("Purchase"));
        lua.push_function(lua_open_cart);
        lua.set_field(-2, lua_string!("OpenCart"));
        lua.push_function(lua_add_to_cart);
        lua.set_field(-2, lua_string!("AddToCart"));
        lua.push_function(lua_checkout_cart);
        lua.set_field(-2, lua_string!("CheckoutCart"));
        lua.set_global(lua_string!("ShopDB"));
    }
    0
}

#[gmod13_close]
fn gmod13_close(_lua: gmod::lua::State) -> i32 {
    0
}

-- Loaded on every server start; the Rust module registers the ShopDB table.
require("shopdb")

hook.Add("PlayerInitialSpawn", "ShopDB_ShowBalance", function(ply)
    local balance = ShopDB.GetBalance(ply:SteamID64())
    ply:SetNWInt("shop_points", balance or 0)
end)

net.Receive("shop_open", function(_, ply)
    ShopDB.OpenCart(ply:SteamID64())
end)

net.Receive("shop_add", function(_, ply)
    ShopDB.AddToCart(ply:SteamID64(), net.ReadString())
end)

net.Receive("shop_checkout", function(_, ply)
    local ok, err = ShopDB.CheckoutCart(ply:SteamID64())
    if not ok then ply:ChatPrint("Checkout failed: " .. tostring(err)) end
    ply:SetNWInt("shop_points", ShopDB.GetBalance(ply:SteamID64()) or 0)
end)

timer.Create("ShopDB_HudRefresh", 30, 0, function()
    for _, ply in ipairs(player.GetHumans()) do
        ply:SetNWInt("shop_points", ShopDB.GetBalance(ply:SteamID64()) or 0)
    end
end)

concommand.Add("shop_balance", function(ply)
    if not IsValid(ply) then return end
    ply:ChatPrint("You have " .. (ShopDB.GetBalance(ply:SteamID64()) or 0) .. " points")
end)

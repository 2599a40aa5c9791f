// Server-side init for the persistence extension (compiled via CfgFunctions).
if (!isServer) exitWith {};

addMissionEventHandler ["ExtensionCallback", {
    params ["_name", "_function", "_data"];
    if (_name != "arma_persist") exitWith {};
    if (_function == "adminMessage") then {
        (parseSimpleArray _data) params ["_uid", "_body"];
        private _unit = _uid call BIS_fnc_getUnitByUID;
        if (!isNull _unit) then { [_body] remoteExec ["hint", _unit]; };
    };
}];

addMissionEventHandler ["PlayerConnected", {
    params ["_id", "_uid", "_name", "_jip", "_owner"];
    if (_uid isEqualTo "") exitWith {};
    "arma_persist" callExtension ["player:watch", [_uid]];
}];

addMissionEventHandler ["HandleDisconnect", {
    params ["_unit", "_id", "_uid", "_name"];
    "arma_persist" callExtension ["player:save", [_uid, str getUnitLoadout _unit, getPosASL _unit]];
    false
}];

addMissionEventHandler ["EntityKilled", {
    params ["_victim", "_killer", "_instigator"];
    if (!isPlayer _instigator) exitWith {};
    "arma_persist" callExtension ["stats:kill", [
        getPlayerUID _instigator, name _instigator, name _victim,
        currentWeapon _instigator, _instigator distance _victim
    ]];
}];

[] spawn {
    while {true} do {
        sleep 120;
        {
            "arma_persist" callExtension ["player:save", [getPlayerUID _x, str getUnitLoadout _x, getPosASL _x]];
        } forEach allPlayers;
    };
};

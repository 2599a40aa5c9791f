(* Loaded by Blotter.nb; the panels below re-evaluate on a timer. *)
BeginPackage["AcmeBlotter`"];

BlotterPanel::usage = "BlotterPanel[account] shows the latest fills, refreshed every 2 seconds.";
RiskPanel::usage = "RiskPanel[account] shows the risk service snapshot, refreshed every 5 seconds.";

Begin["`Private`"];

$lib = FileNameJoin[{DirectoryName[$InputFileName], "target", "release", "libwolfram_blotter_link"}];

fillsJson = LibraryFunctionLoad[$lib, "fills_json", {"UTF8String"}, "UTF8String"];
riskSnapshot = LibraryFunctionLoad[$lib, "risk_snapshot", {"UTF8String"}, "UTF8String"];
fxMid = LibraryFunctionLoad[$lib, "fx_mid", {"UTF8String"}, Real];

BlotterPanel[account_String] :=
  Dynamic[Dataset[ImportString[fillsJson[account], "RawJSON"]], UpdateInterval -> 2];

RiskPanel[account_String] :=
  Dynamic[
    Column[{Dataset[ImportString[riskSnapshot[account], "RawJSON"]], fxMid["EURUSD"]}],
    UpdateInterval -> 5];

End[];
EndPackage[];

import SteamUser from "steam-user";
import SteamCommunity from "steamcommunity";
import TradeOfferManager from "steam-tradeoffer-manager";
import SteamTotp from "steam-totp";
import { onNewOffer, onSentOfferChanged } from "./handlers/offers.js";
import { redis } from "./lib/redis.js";

const client = new SteamUser();
const community = new SteamCommunity();
const manager = new TradeOfferManager({
  steam: client,
  community,
  language: "en",
  pollInterval: 15_000,
});

client.logOn({
  accountName: process.env.STEAM_ACCOUNT!,
  password: process.env.STEAM_PASSWORD!,
  twoFactorCode: SteamTotp.generateAuthCode(process.env.STEAM_SHARED_SECRET!),
});

client.on("loggedOn", () => {
  console.log("logged on as", client.steamID?.getSteamID64());
  client.setPersona(SteamUser.EPersonaState.Online);
});

client.on("webSession", (_sessionID: string, cookies: string[]) => {
  manager.setCookies(cookies, (err: Error | null) => {
    if (err) {
      console.error("unable to set trade cookies", err);
      process.exit(1);
    }
    console.log("trade offer manager ready");
  });
  community.setCookies(cookies);
});

manager.on("newOffer", (offer: any) => {
  onNewOffer(offer).catch((err) => console.error("newOffer failed", offer.id, err));
});

manager.on("sentOfferChanged", (offer: any, oldState: number) => {
  onSentOfferChanged(offer, oldState).catch((err) =>
    console.error("sentOfferChanged failed", offer.id, err),
  );
});

process.on("SIGTERM", async () => {
  client.logOff();
  await redis.quit();
  process.exit(0);
});

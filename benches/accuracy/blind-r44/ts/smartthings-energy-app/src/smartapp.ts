import SmartApp from "@smartthings/smartapp";
import { insertReading, rollupDay } from "./db/readings";
import { forgetInstall, rememberInstall, touchInstall } from "./db/installs";

export const smartapp = new SmartApp()
  .appId(process.env.SMARTAPP_ID ?? "energy-recorder")
  .enableEventLogging(2)
  .permissions(["r:devices:*", "r:locations:*"])
  .page("mainPage", (_context, page) => {
    page.section("meters", (section) => {
      section
        .deviceSetting("meters")
        .capabilities(["powerMeter"])
        .permissions("r")
        .multiple(true)
        .required(true);
    });
    page.section("tariff", (section) => {
      section.decimalSetting("pricePerKwh").min(0).defaultValue(0.3);
    });
  })
  .updated(async (context) => {
    await context.api.subscriptions.delete();
    await context.api.schedules.delete();
    await context.api.subscriptions.subscribeToDevices(
      context.config.meters,
      "powerMeter",
      "power",
      "powerHandler",
    );
    await context.api.schedules.schedule("dailyRollup", "5 0 * * ? *", "UTC");
    await rememberInstall(context.installedAppId, context.locationId, Number(context.configNumberValue("pricePerKwh")));
  })
  .uninstalled(async (_context, uninstallData) => {
    await forgetInstall(uninstallData.installedApp.installedAppId);
  })
  .subscribedEventHandler("powerHandler", async (context, event) => {
    const watts = Number(event.value);
    if (!Number.isFinite(watts)) return;
    await insertReading({
      installedAppId: context.installedAppId,
      deviceId: event.deviceId,
      watts,
      at: new Date(),
    });
    await touchInstall(context.installedAppId);
  })
  .scheduledEventHandler("dailyRollup", async (context) => {
    const yesterday = new Date(Date.now() - 24 * 3600 * 1000);
    await rollupDay(context.installedAppId, yesterday);
  });

module.exports = {
  src_folders: ["tests"],
  globals_path: "globals/index.js",
  webdriver: { start_process: true, server_path: require("chromedriver").path, port: 9515 },
  test_settings: {
    default: {
      launch_url: process.env.SHOP_URL || "http://localhost:3000",
      desiredCapabilities: { browserName: "chrome", "goog:chromeOptions": { args: ["--headless=new"] } },
    },
  },
};

describe("checkout", function () {
  it("places an order from the cart", async function (browser) {
    const before = await browser.globals.orderCount(browser.globals.testUser);

    await browser
      .navigateTo("/login")
      .setValue("input[name=email]", browser.globals.testUser)
      .setValue("input[name=password]", process.env.E2E_PASSWORD || "secret")
      .click("button[type=submit]")
      .navigateTo("/products/A-1")
      .click("[data-test=add-to-cart]")
      .navigateTo("/cart")
      .click("[data-test=checkout]")
      .waitForElementVisible("[data-test=order-confirmation]");

    const after = await browser.globals.orderCount(browser.globals.testUser);
    browser.assert.equal(after, before + 1);
  });

  it("shows an empty cart after reset", async function (browser) {
    await browser.navigateTo("/cart").assert.textContains("[data-test=cart]", "Your cart is empty");
  });
});

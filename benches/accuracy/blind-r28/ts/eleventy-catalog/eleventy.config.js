import inventoryPlugin from "./src/_config/inventory.js";

export default async function (eleventyConfig) {
  eleventyConfig.addPlugin(inventoryPlugin, {
    lowStockThreshold: 5,
    searchIndex: process.env.CATALOG_SEARCH_INDEX ?? "catalog-products",
  });

  eleventyConfig.addPassthroughCopy({ "src/assets": "assets" });
  eleventyConfig.addWatchTarget("src/assets/css/");

  eleventyConfig.addFilter("money", (cents, currency = "EUR") =>
    new Intl.NumberFormat("de-DE", { style: "currency", currency }).format(cents / 100),
  );

  eleventyConfig.addCollection("byCategory", (collectionApi) => {
    const groups = new Map();
    for (const item of collectionApi.getFilteredByTag("product")) {
      const category = item.data.product?.category ?? "misc";
      if (!groups.has(category)) groups.set(category, []);
      groups.get(category).push(item);
    }
    return [...groups.entries()].map(([name, items]) => ({ name, items }));
  });
}

export const config = {
  dir: {
    input: "src",
    includes: "_includes",
    data: "_data",
    output: "_site",
  },
  templateFormats: ["njk", "md", "11ty.js"],
  htmlTemplateEngine: "njk",
};

import type { GatsbyConfig } from "gatsby";

const config: GatsbyConfig = {
  siteMetadata: {
    title: "Nordhaus Outdoor Catalog",
    siteUrl: "https://catalog.nordhaus-outdoor.example",
  },
  graphqlTypegen: true,
  plugins: [
    {
      resolve: "gatsby-source-filesystem",
      options: { name: "products", path: `${__dirname}/content/products` },
    },
    "gatsby-transformer-remark",
  ],
};

export default config;

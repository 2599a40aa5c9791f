export default ({ title, product }: Lume.Data, helpers: Lume.Helpers) => (
  <html>
    <head>
      <title>{title}</title>
    </head>
    <body>
      <h1>{product.name}</h1>
      <p class="price">{helpers.price(product.priceCents)}</p>
      <p>{product.description}</p>
      <a href="/">Back to catalogue</a>
    </body>
  </html>
);

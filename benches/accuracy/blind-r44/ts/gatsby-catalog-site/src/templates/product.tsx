import * as React from "react";
import { graphql, type PageProps } from "gatsby";

type Data = {
  markdownRemark: {
    html: string;
    frontmatter: { title: string };
    fields: { sku: string; onHand: number; priceCents: number | null };
    relatedSkus: string[];
  };
};

export default function ProductTemplate({ data }: PageProps<Data>) {
  const p = data.markdownRemark;
  const price = p.fields.priceCents == null ? "—" : `€${(p.fields.priceCents / 100).toFixed(2)}`;
  return (
    <main>
      <h1>{p.frontmatter.title}</h1>
      <p>
        SKU {p.fields.sku} · {price} · {p.fields.onHand > 0 ? `${p.fields.onHand} in stock` : "sold out"}
      </p>
      <article dangerouslySetInnerHTML={{ __html: p.html }} />
      {p.relatedSkus.length > 0 && (
        <aside>
          <h2>Related</h2>
          <ul>
            {p.relatedSkus.map((sku) => (
              <li key={sku}>
                <a href={`/products/${sku.toLowerCase()}/`}>{sku}</a>
              </li>
            ))}
          </ul>
        </aside>
      )}
    </main>
  );
}

export const query = graphql`
  query ProductById($id: String!) {
    markdownRemark(id: { eq: $id }) {
      html
      frontmatter {
        title
      }
      fields {
        sku
        onHand
        priceCents
      }
      relatedSkus(limit: 4)
    }
  }
`;

import os

import gradio as gr
import httpx
from opensearchpy import OpenSearch

from store import products_collection

TRANSLATE_URL = os.environ.get("TRANSLATE_URL", "http://translator:8080")

search = OpenSearch(
    hosts=[os.environ.get("OPENSEARCH_URL", "http://localhost:9200")],
    http_compress=True,
)


def lookup_sku(sku: str):
    products = products_collection()
    doc = products.find_one({"sku": sku.strip().upper()}, {"_id": 0})
    if doc is None:
        return "Not found", {}
    return doc.get("title", ""), doc


def translate_description(text: str, target: str) -> str:
    with httpx.Client(base_url=TRANSLATE_URL, timeout=20.0) as http:
        resp = http.post("/v1/translate", json={"text": text, "target": target})
        resp.raise_for_status()
        return resp.json()["translation"]


def semantic_search(query: str):
    res = search.search(
        index="products",
        body={"size": 10, "query": {"multi_match": {"query": query, "fields": ["title^2", "description"]}}},
    )
    return [[h["_source"]["sku"], h["_source"]["title"], round(h["_score"], 2)] for h in res["hits"]["hits"]]


with gr.Blocks(title="Catalog assistant") as demo:
    with gr.Tab("SKU lookup"):
        sku = gr.Textbox(label="SKU")
        title = gr.Textbox(label="Title", interactive=False)
        raw = gr.JSON(label="Document")
        gr.Button("Look up").click(lookup_sku, inputs=sku, outputs=[title, raw])

    with gr.Tab("Translate"):
        text = gr.Textbox(label="Description", lines=6)
        target = gr.Dropdown(["de", "fr", "es", "ja"], value="de", label="Language")
        out = gr.Textbox(label="Translation", lines=6)
        gr.Button("Translate").click(translate_description, inputs=[text, target], outputs=out)

    with gr.Tab("Search"):
        q = gr.Textbox(label="Query")
        results = gr.Dataframe(headers=["sku", "title", "score"])
        q.submit(semantic_search, inputs=q, outputs=results)

if __name__ == "__main__":
    demo.queue(default_concurrency_limit=8).launch(server_name="0.0.0.0")

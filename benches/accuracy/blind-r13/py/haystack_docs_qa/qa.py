"""Interactive docs Q&A. The pipeline is built once; it runs once per question."""
import os

from haystack import Pipeline
from haystack.components.builders import PromptBuilder
from haystack.components.generators import OpenAIGenerator
from haystack.components.joiners import DocumentJoiner

from components import ChangelogFetcher, GlossaryLookup, PgFullTextRetriever

TEMPLATE = """Answer the question using only these documents.
{% for doc in documents %}
[{{ doc.meta.get('title', 'doc') }}] {{ doc.content }}
{% endfor %}
Question: {{ question }}
Answer:"""


def build_pipeline() -> tuple[Pipeline, list]:
    retriever = PgFullTextRetriever(os.environ.get("DOCS_DSN", "postgresql://docs:docs@localhost/docs"))
    changelog = ChangelogFetcher(os.environ.get("RELEASES_URL", "https://releases.acme.example/api"))
    glossary = GlossaryLookup()

    pipe = Pipeline()
    pipe.add_component("retriever", retriever)
    pipe.add_component("changelog", changelog)
    pipe.add_component("glossary", glossary)
    pipe.add_component("joiner", DocumentJoiner(join_mode="merge", top_k=8))
    pipe.add_component("prompt", PromptBuilder(template=TEMPLATE))
    pipe.add_component("llm", OpenAIGenerator(model="gpt-4o-mini"))
    pipe.connect("retriever.documents", "joiner.documents")
    pipe.connect("changelog.documents", "joiner.documents")
    pipe.connect("glossary.documents", "joiner.documents")
    pipe.connect("joiner.documents", "prompt.documents")
    pipe.connect("prompt", "llm")
    return pipe, [retriever, changelog]


def main() -> None:
    pipe, closables = build_pipeline()
    pipe.warm_up()
    try:
        while True:
            try:
                question = input("docs> ").strip()
            except EOFError:
                break
            if not question:
                continue
            result = pipe.run(
                {
                    "retriever": {"query": question},
                    "changelog": {"query": question},
                    "glossary": {"query": question},
                    "prompt": {"question": question},
                }
            )
            print(result["llm"]["replies"][0])
    finally:
        for c in closables:
            c.close()


if __name__ == "__main__":
    main()

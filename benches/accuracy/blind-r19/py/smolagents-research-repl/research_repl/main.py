import os
import sys

from smolagents import CodeAgent, LiteLLMModel

from research_repl.clients import make_kb_connection, make_search
from research_repl.tools import IncidentStatsTool, SearchDocsTool, WikiPageTool


def main() -> None:
    search = make_search()
    kb_conn = make_kb_connection()
    wiki = WikiPageTool()
    tools = [SearchDocsTool(search), IncidentStatsTool(kb_conn), wiki]

    agent = CodeAgent(
        tools=tools,
        model=LiteLLMModel(model_id=os.environ.get("RESEARCH_MODEL", "anthropic/claude-3-5-sonnet-latest")),
        max_steps=8,
    )

    print("research assistant - ask a question, empty line to quit", file=sys.stderr)
    try:
        while True:
            try:
                question = input("research> ").strip()
            except EOFError:
                break
            if not question:
                break
            answer = agent.run(question, reset=True)
            print(answer)
    finally:
        wiki.close()
        kb_conn.close()
        search.close()


if __name__ == "__main__":
    main()

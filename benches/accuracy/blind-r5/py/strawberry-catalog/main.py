from strawberry.asgi import GraphQL

from schema import schema

# served with: uvicorn main:app --host 0.0.0.0 --port 8000 --workers 2
app = GraphQL(schema, graphql_ide="graphiql")

"""Run with: uvicorn app:app --port 8080"""
import connexion

app = connexion.FlaskApp(__name__, specification_dir="spec")
app.add_api("openapi.yaml", strict_validation=True)

if __name__ == "__main__":
    app.run(port=8080)

import os

from ask_sdk_core.skill_builder import SkillBuilder
from flask import Flask
from flask_ask_sdk.skill_adapter import SkillAdapter

from pantry_skill.handlers import (
    AddItemIntentHandler,
    CatchAllExceptionHandler,
    LaunchRequestHandler,
    NutritionIntentHandler,
    PantryCheckIntentHandler,
    RecipeIntentHandler,
    SetReminderIntentHandler,
)

app = Flask(__name__)

sb = SkillBuilder()
sb.add_request_handler(LaunchRequestHandler())
sb.add_request_handler(PantryCheckIntentHandler())
sb.add_request_handler(AddItemIntentHandler())
sb.add_request_handler(RecipeIntentHandler())
sb.add_request_handler(NutritionIntentHandler())
sb.add_request_handler(SetReminderIntentHandler())
sb.add_exception_handler(CatchAllExceptionHandler())

skill_adapter = SkillAdapter(skill=sb.create(), skill_id=os.environ["ALEXA_SKILL_ID"], app=app)


@app.route("/", methods=["POST"])
def invoke_skill():
    return skill_adapter.dispatch_request()

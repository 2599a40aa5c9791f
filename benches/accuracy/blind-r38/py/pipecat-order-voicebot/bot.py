import argparse
import asyncio
import os
import uuid

from dotenv import load_dotenv
from loguru import logger
from pipecat.audio.vad.silero import SileroVADAnalyzer
from pipecat.pipeline.pipeline import Pipeline
from pipecat.pipeline.runner import PipelineRunner
from pipecat.pipeline.task import PipelineParams, PipelineTask
from pipecat.processors.aggregators.openai_llm_context import OpenAILLMContext
from pipecat.services.cartesia import CartesiaTTSService
from pipecat.services.deepgram import DeepgramSTTService
from pipecat.services.openai import OpenAILLMService
from pipecat.transports.services.daily import DailyParams, DailyTransport

import db
from processors import CallLogProcessor, OrderLookupProcessor

load_dotenv()

SYSTEM_PROMPT = (
    "You are the order-status assistant for Example Outdoor. Be brief and friendly. "
    "Ask for the 7-digit order number if the caller has not given it."
)


async def main(room_url: str, token: str):
    call_id = str(uuid.uuid4())
    pool = await db.create_call_pool()
    await pool.execute("INSERT INTO calls (id, room_url) VALUES ($1, $2)", call_id, room_url)

    transport = DailyTransport(
        room_url,
        token,
        "Order assistant",
        DailyParams(
            audio_out_enabled=True,
            vad_enabled=True,
            vad_analyzer=SileroVADAnalyzer(),
            vad_audio_passthrough=True,
        ),
    )
    stt = DeepgramSTTService(api_key=os.environ["DEEPGRAM_API_KEY"])
    llm = OpenAILLMService(api_key=os.environ["OPENAI_API_KEY"], model="gpt-4o-mini")
    tts = CartesiaTTSService(
        api_key=os.environ["CARTESIA_API_KEY"], voice_id=os.environ["CARTESIA_VOICE_ID"]
    )

    context = OpenAILLMContext([{"role": "system", "content": SYSTEM_PROMPT}])
    context_aggregator = llm.create_context_aggregator(context)

    pipeline = Pipeline(
        [
            transport.input(),
            stt,
            CallLogProcessor(pool, call_id),
            OrderLookupProcessor(),
            context_aggregator.user(),
            llm,
            tts,
            transport.output(),
            context_aggregator.assistant(),
        ]
    )
    task = PipelineTask(pipeline, PipelineParams(allow_interruptions=True))

    @transport.event_handler("on_first_participant_joined")
    async def on_first_participant_joined(transport, participant):
        await transport.capture_participant_transcription(participant["id"])
        await task.queue_frames([context_aggregator.user().get_context_frame()])

    @transport.event_handler("on_participant_left")
    async def on_participant_left(transport, participant, reason):
        await task.cancel()

    try:
        await PipelineRunner().run(task)
    finally:
        logger.info(f"call {call_id} finished")
        await pool.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Order voice bot")
    parser.add_argument("-u", "--url", required=True, help="Daily room URL")
    parser.add_argument("-t", "--token", required=True, help="Daily meeting token")
    args = parser.parse_args()
    asyncio.run(main(args.url, args.token))

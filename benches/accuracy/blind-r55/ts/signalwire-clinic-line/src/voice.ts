import type { Voice } from "@signalwire/realtime-api";
import { pool, Appointment, spokenTime } from "./db";
import { findPatientByPin } from "./patients";

type Call = Voice.Call;

async function say(call: Call, text: string) {
  const playback = await call.playTTS({ text, voice: "en-GB-Neural2-A" });
  await playback.ended();
}

/** One invocation per inbound phone call. */
export async function handleCall(call: Call): Promise<void> {
  await call.answer();

  const pinPrompt = await call.promptTTS({
    text: "Welcome to Riverside Dental. Please enter the six digit PIN from your appointment card.",
    digits: { max: 6, digitTimeout: 5, terminators: "#" },
  });
  const pinResult = await pinPrompt.ended();
  if (pinResult.type !== "digit" || !pinResult.digits) {
    await say(call, "Sorry, I didn't get that. Please call again or wait for the front desk.");
    await call.hangup();
    return;
  }

  const patient = await findPatientByPin(pinResult.digits);
  if (!patient) {
    await say(call, "I couldn't find that PIN. Transferring you to reception.");
    await call.connectPhone({ to: process.env.RECEPTION_NUMBER!, from: call.to!, timeout: 30 });
    return;
  }

  const [rows] = await pool.query<Appointment[]>(
    "SELECT id, patient_id, starts_at, dentist, status FROM appointments WHERE patient_id = ? AND starts_at > NOW() AND status IN ('booked','confirmed') ORDER BY starts_at LIMIT 1",
    [patient.id]
  );
  const appt = rows[0];
  if (!appt) {
    await say(call, `Hello ${patient.first_name}. You have no upcoming appointments. Goodbye.`);
    await call.hangup();
    return;
  }

  const choice = await call.promptTTS({
    text: `Hello ${patient.first_name}. Your next appointment is ${spokenTime(appt.starts_at)} with ${appt.dentist}. Press 1 to confirm, 2 to cancel, or 3 to speak to reception.`,
    digits: { max: 1, digitTimeout: 8 },
  });
  const { digits } = await choice.ended();

  if (digits === "1" || digits === "2") {
    const status = digits === "1" ? "confirmed" : "cancelled";
    await pool.execute("UPDATE appointments SET status = ?, status_channel = 'phone' WHERE id = ?", [status, appt.id]);
    await say(call, digits === "1" ? "Thank you, your appointment is confirmed." : "Your appointment has been cancelled.");
    await call.hangup();
  } else {
    await call.connectPhone({ to: process.env.RECEPTION_NUMBER!, from: call.to!, timeout: 30 });
  }
}

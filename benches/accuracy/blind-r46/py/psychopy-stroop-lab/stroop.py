"""Stroop task, one run per participant visit: python stroop.py"""
from psychopy import core, data, event, gui, visual

from results import ARCHIVE_URL, new_archive_session, open_results_db

info = {"participant": "", "session": "1"}
dlg = gui.DlgFromDict(info, title="Stroop")
if not dlg.OK:
    core.quit()

conn = open_results_db()
archive = new_archive_session()
win = visual.Window(size=(1280, 800), fullscr=True, color="black", units="height")
stim = visual.TextStim(win, height=0.12)
fixation = visual.TextStim(win, text="+", height=0.08)
clock = core.Clock()

try:
    cur = conn.execute(
        "INSERT INTO sessions (participant, session_no, task) VALUES (%s, %s, 'stroop') RETURNING id",
        (info["participant"], int(info["session"])),
    )
    session_id = cur.fetchone()[0]
    conn.commit()

    trials = data.TrialHandler(trialList=data.importConditions("conditions.csv"), nReps=20, method="random")
    for trial in trials:
        fixation.draw()
        win.flip()
        core.wait(0.5)

        stim.text = trial["word"]
        stim.color = trial["ink"]
        stim.draw()
        win.flip()
        clock.reset()
        keys = event.waitKeys(maxWait=2.0, keyList=["r", "g", "b", "escape"], timeStamped=clock)
        key, rt = keys[0] if keys else (None, None)
        if key == "escape":
            break

        conn.execute(
            "INSERT INTO stroop_trials (session_id, trial_no, word, ink, congruent, response, rt, correct) "
            "VALUES (%s, %s, %s, %s, %s, %s, %s, %s)",
            (session_id, trials.thisN, trial["word"], trial["ink"], bool(trial["congruent"]),
             key, rt, key == trial["correct_key"]),
        )
        if trials.thisN % 20 == 19:
            conn.commit()

    conn.commit()
    archive.post(
        ARCHIVE_URL,
        json={"session_id": session_id, "participant": info["participant"], "task": "stroop"},
        timeout=10,
    )
finally:
    archive.close()
    conn.close()
    win.close()
    core.quit()

"""OBS Studio script: scene-change compliance log + chat moderation counter."""
import time

import obspython as obs
import pymysql
import requests

settings_cache = {
    "db_host": "",
    "db_user": "",
    "db_password": "",
    "programme_id": "",
    "chat_api": "",
    "dashboard_url": "",
    "counter_source": "",
}

_dashboard = None
_frames = 0


def script_description():
    return "Logs scene switches to MySQL and shows held chat messages."


def script_properties():
    props = obs.obs_properties_create()
    obs.obs_properties_add_text(props, "db_host", "MySQL host", obs.OBS_TEXT_DEFAULT)
    obs.obs_properties_add_text(props, "db_user", "MySQL user", obs.OBS_TEXT_DEFAULT)
    obs.obs_properties_add_text(props, "db_password", "MySQL password", obs.OBS_TEXT_PASSWORD)
    obs.obs_properties_add_text(props, "programme_id", "Programme id", obs.OBS_TEXT_DEFAULT)
    obs.obs_properties_add_text(props, "chat_api", "Moderation API URL", obs.OBS_TEXT_DEFAULT)
    obs.obs_properties_add_text(props, "dashboard_url", "Studio dashboard URL", obs.OBS_TEXT_DEFAULT)
    obs.obs_properties_add_text(props, "counter_source", "Counter text source", obs.OBS_TEXT_DEFAULT)
    return props


def script_update(settings):
    for key in settings_cache:
        settings_cache[key] = obs.obs_data_get_string(settings, key)


def script_load(settings):
    global _dashboard
    _dashboard = requests.Session()
    _dashboard.headers["User-Agent"] = "obs-scene-logger/1.3"
    obs.obs_frontend_add_event_callback(on_frontend_event)
    obs.timer_add(poll_held_messages, 2000)


def script_unload():
    obs.timer_remove(poll_held_messages)
    if _dashboard is not None:
        _dashboard.close()


def script_tick(seconds):
    # Called every rendered frame; keep it cheap.
    global _frames
    _frames += 1


def current_scene_name():
    source = obs.obs_frontend_get_current_scene()
    try:
        return obs.obs_source_get_name(source)
    finally:
        obs.obs_source_release(source)


def set_counter_text(text):
    source = obs.obs_get_source_by_name(settings_cache["counter_source"])
    if source is None:
        return
    data = obs.obs_data_create()
    obs.obs_data_set_string(data, "text", text)
    obs.obs_source_update(source, data)
    obs.obs_data_release(data)
    obs.obs_source_release(source)


def on_frontend_event(event):
    if event == obs.OBS_FRONTEND_EVENT_SCENE_CHANGED:
        log_scene_change(current_scene_name())
    elif event in (obs.OBS_FRONTEND_EVENT_STREAMING_STARTED,
                   obs.OBS_FRONTEND_EVENT_STREAMING_STOPPED):
        state = "live" if event == obs.OBS_FRONTEND_EVENT_STREAMING_STARTED else "off-air"
        if settings_cache["dashboard_url"]:
            _dashboard.post(settings_cache["dashboard_url"] + "/studio/state",
                            json={"state": state, "at": time.time()}, timeout=3)


def log_scene_change(scene):
    conn = pymysql.connect(host=settings_cache["db_host"], user=settings_cache["db_user"],
                           password=settings_cache["db_password"], database="broadcast",
                           connect_timeout=3)
    with conn.cursor() as cur:
        cur.execute(
            "INSERT INTO broadcast_log (programme_id, scene, frames_rendered, switched_at) "
            "VALUES (%s, %s, %s, NOW())",
            (settings_cache["programme_id"], scene, _frames),
        )
    conn.commit()


def poll_held_messages():
    if not settings_cache["chat_api"]:
        return
    http = requests.Session()
    try:
        resp = http.get(settings_cache["chat_api"] + "/held",
                        params={"programme": settings_cache["programme_id"]}, timeout=1.5)
        held = resp.json().get("count", 0)
    except (requests.RequestException, ValueError):
        return
    set_counter_text("Held: %d" % held)

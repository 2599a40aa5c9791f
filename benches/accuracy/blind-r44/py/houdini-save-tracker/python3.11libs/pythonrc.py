# Runs once when Houdini starts (found on HOUDINI_PATH/python3.11libs).
try:
    import savetracker.callbacks

    savetracker.callbacks.register()
except Exception as exc:  # a broken pipeline tool must never stop Houdini starting
    print("savetracker: disabled ({})".format(exc))

import nuke

nuke.pluginAddPath("./gizmos")
nuke.knobDefault("Root.format", "UHD_4K")
nuke.knobDefault("Write.create_directories", "1")

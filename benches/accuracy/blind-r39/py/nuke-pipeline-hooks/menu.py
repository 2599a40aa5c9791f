import nuke

from studio_pipeline import hooks, publish

nuke.addOnScriptSave(hooks.on_script_save)
nuke.addOnUserCreate(hooks.on_write_created, nodeClass="Write")
nuke.addAfterRender(hooks.after_render, nodeClass="Write")

studio = nuke.menu("Nuke").addMenu("Studio")
studio.addCommand("Publish selected Write", publish.publish_selected, "ctrl+shift+p")
studio.addCommand("Show shot info", hooks.show_shot_info)

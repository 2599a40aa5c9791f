bl_info = {
    "name": "Render Sync",
    "author": "Pipeline TD team",
    "version": (1, 4, 0),
    "blender": (4, 2, 0),
    "location": "Properties > Render > Render Sync",
    "description": "Upload renders to the studio farm bucket and track shot status",
    "category": "Render",
}

import bpy

from . import render_log
from .operators import RENDER_SYNC_OT_upload, RENDER_SYNC_OT_mark_approved


class RENDER_SYNC_PT_panel(bpy.types.Panel):
    bl_label = "Render Sync"
    bl_idname = "RENDER_SYNC_PT_panel"
    bl_space_type = "PROPERTIES"
    bl_region_type = "WINDOW"
    bl_context = "render"

    def draw(self, context):
        layout = self.layout
        scene = context.scene
        layout.prop(scene, "render_sync_shot")
        row = layout.row()
        row.operator(RENDER_SYNC_OT_upload.bl_idname, icon="EXPORT")
        row.operator(RENDER_SYNC_OT_mark_approved.bl_idname, icon="CHECKMARK")


classes = (RENDER_SYNC_OT_upload, RENDER_SYNC_OT_mark_approved, RENDER_SYNC_PT_panel)


def register():
    bpy.types.Scene.render_sync_shot = bpy.props.StringProperty(
        name="Shot", description="Shot code, e.g. SQ010_SH0040"
    )
    for cls in classes:
        bpy.utils.register_class(cls)
    bpy.app.handlers.depsgraph_update_post.append(render_log.on_depsgraph_update)
    bpy.app.handlers.render_complete.append(render_log.on_render_complete)


def unregister():
    bpy.app.handlers.render_complete.remove(render_log.on_render_complete)
    bpy.app.handlers.depsgraph_update_post.remove(render_log.on_depsgraph_update)
    for cls in reversed(classes):
        bpy.utils.unregister_class(cls)
    del bpy.types.Scene.render_sync_shot

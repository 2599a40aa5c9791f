import getpass
import os

import boto3
import bpy

from . import asset_db

FARM_BUCKET = os.environ.get("RENDER_SYNC_BUCKET", "studio-farm-renders")


class RENDER_SYNC_OT_upload(bpy.types.Operator):
    """Upload the last rendered frame to the farm bucket"""

    bl_idname = "render_sync.upload"
    bl_label = "Upload Frame"

    @classmethod
    def poll(cls, context):
        return bool(context.scene.render_sync_shot)

    def execute(self, context):
        scene = context.scene
        shot = scene.render_sync_shot
        if not asset_db.shot_exists(shot):
            self.report({"ERROR"}, f"Unknown shot {shot}")
            return {"CANCELLED"}

        image = bpy.data.images.get("Render Result")
        if image is None:
            self.report({"ERROR"}, "Nothing rendered yet")
            return {"CANCELLED"}

        path = os.path.join(bpy.app.tempdir, f"{shot}_{scene.frame_current:04d}.exr")
        image.save_render(path, scene=scene)

        key = f"{shot}/{os.path.basename(path)}"
        s3 = boto3.client("s3", region_name="eu-west-1")
        s3.upload_file(path, FARM_BUCKET, key, ExtraArgs={"ContentType": "image/x-exr"})
        asset_db.record_upload(shot, scene.frame_current, key)

        self.report({"INFO"}, f"Uploaded s3://{FARM_BUCKET}/{key}")
        return {"FINISHED"}


class RENDER_SYNC_OT_mark_approved(bpy.types.Operator):
    """Mark the current shot as approved"""

    bl_idname = "render_sync.mark_approved"
    bl_label = "Approve Shot"

    def execute(self, context):
        shot = context.scene.render_sync_shot
        asset_db.set_shot_status(shot, "approved", getpass.getuser())
        self.report({"INFO"}, f"{shot} approved")
        return {"FINISHED"}

from labgrader.labgrader import LabGraderXBlock

__all__ = ["LabGraderXBlock"]

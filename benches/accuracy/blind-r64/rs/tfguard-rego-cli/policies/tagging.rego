package tfguard

import rego.v1

deny contains msg if {
	input.change.after.tags
	not input.change.after.tags.team
	msg := "resources must carry a team tag"
}

deny contains msg if {
	owner := inventory.owner(input.module_address)
	owner != ""
	input.change.after.tags.team != owner
	msg := sprintf("team tag %v does not match module owner %v", [input.change.after.tags.team, owner])
}

deny contains msg if {
	startswith(input.type, "aws_instance")
	input.change.after.instance_type in {"p4d.24xlarge", "p5.48xlarge"}
	inventory.budget_remaining(input.change.after.tags.team) < 20000
	msg := "GPU instances need at least 20k EUR of remaining team budget"
}

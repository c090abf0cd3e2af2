package pipeline

// Status is where one step of a case stands, as progress tables show it.
type Status string

const (
	StatusDone    Status = "完成"
	StatusOpen    Status = "待办"
	StatusOverdue Status = "逾期"
	StatusNone    Status = "—" // the step does not apply (yet)
)

// StepStatus is one step of a case given its to-dos: 逾期 when a to-do of the step is
// overdue, 待办 when one is open, — when the step does not apply yet (no peer support,
// the evaluation not yet due, nothing to review), else 完成.
func StepStatus(c *Case, todos []Finding, step Step) Status {
	status := Status("")
	for _, fd := range todos {
		if fd.Step != step || fd.Severity != Todo {
			continue
		}
		if fd.Overdue {
			return StatusOverdue
		}
		status = StatusOpen
	}
	if status != "" {
		return status
	}
	switch step {
	case StepPeer:
		if c.PeerSupport == nil {
			return StatusNone
		}
	case StepEvaluation:
		if c.Evaluation == nil {
			return StatusNone // the to-do appears once the next semester begins
		}
	case StepReview:
		if c.StudyPlan == nil || c.StudyPlan.Plan == "" {
			return StatusNone
		}
	}
	return StatusDone
}

// TodosByStudent groups a semester's to-dos by student.
func TodosByStudent(findings []Finding, sem Semester) map[StudentID][]Finding {
	out := map[StudentID][]Finding{}
	for _, f := range findings {
		if f.Severity == Todo && f.Semester == sem && f.Student != "" {
			out[f.Student] = append(out[f.Student], f)
		}
	}
	return out
}

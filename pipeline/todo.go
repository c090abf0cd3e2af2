package pipeline

import "fmt"

// Step is one step of the seed's process for a case (四(二)), as progress tables show it.
type Step string

const (
	StepConfirm    Step = "学生确认" // 四(二)2(1)
	StepParent     Step = "家长联系" // 四(二)2(2)
	StepInterview  Step = "谈话"   // 四(二)3(1), 附件3
	StepDifficulty Step = "困难类型" // 四(二)3(1)
	StepPlan       Step = "学习计划" // 四(二)3(2), 附件4
	StepReview     Step = "计划审核" // 四(二)3(2), 附件4 注
	StepPeer       Step = "朋辈帮扶" // 四(二)3(3), 附件2
	StepEvaluation Step = "学期评估" // 四(二)3(4)
	StepSurvey     Step = "学情学风" // 四(一)3
	StepEscalation Step = "跨学期"
)

// StudyYear is a year of study (1 = 大一), printed as people say it.
type StudyYear int

// Steps are the steps of a case in the seed's order.
var Steps = []Step{StepConfirm, StepParent, StepInterview, StepDifficulty, StepPlan, StepReview, StepPeer, StepEvaluation}

// todoer collects the to-dos of one case.
type todoer struct {
	c    *checker
	k    *Case
	cl   Class
	dl   Deadlines
	year int
}

func (t *todoer) add(step Step, path string, deadline Date, owner string, code Code, args ...any) {
	f := Finding{Pos: t.k.Source.At(path), Field: path, Severity: Todo, Code: code, Args: args,
		Semester: t.k.Semester, Student: t.k.Student.ID, Owner: owner, Step: step}
	if !deadline.IsZero() && t.c.today.After(deadline) {
		f.Overdue = true
		f.Args = append(f.Args, deadline.String())
	}
	t.c.out = append(t.c.out, f)
}

// todos lists the seed's steps not yet done for one case (四(二)2-3).
func (c *checker) todos(k *Case) {
	cl, ok := c.repo.Config.Classes[k.Student.Class]
	if !ok {
		return
	}
	t := &todoer{c: c, k: k, cl: cl, dl: c.repo.Config.Deadlines[string(k.Semester)], year: c.repo.YearOfStudy(k)}
	trial := k.Warning.Level.IsTrial()

	// 四(二)2(1): the student confirms the notice.
	if k.Warning.ConfirmedOn.IsZero() {
		t.add(StepConfirm, "warning.confirmed_on", t.dl.Notify, cl.HeadTeacher, TodoConfirm)
	}

	// 四(二)2(2): 预警 → the 辅导员 calls the parents; 试读 → the 班主任.
	parentRole, parentBy := RoleCounselor, cl.Counselor
	if trial {
		parentRole, parentBy = RoleHeadTeacher, cl.HeadTeacher
	}
	if !t.doneBy(parentRole, func(yield func(string) bool) {
		for _, p := range k.ParentContacts {
			if !yield(p.By) {
				return
			}
		}
	}) {
		t.add(StepParent, "parent_contacts", t.dl.Notify, parentBy, TodoParentContact, parentRole, parentBy)
	}

	// 四(二)3(1): the 班主任 talks with every student; for 试读 the 辅导员 too.
	interviewers := func(yield func(string) bool) {
		for _, iv := range k.Interviews {
			if !yield(iv.By) {
				return
			}
		}
	}
	if !t.doneBy(RoleHeadTeacher, interviewers) {
		t.add(StepInterview, "interviews", t.dl.Interviews, cl.HeadTeacher, TodoInterview, RoleHeadTeacher, cl.HeadTeacher)
	}
	if trial && !t.doneBy(RoleCounselor, interviewers) {
		t.add(StepInterview, "interviews", t.dl.Interviews, cl.Counselor, TodoInterview, RoleCounselor, cl.Counselor)
	}
	if len(k.Difficulty) == 0 {
		t.add(StepDifficulty, "difficulty", t.dl.Interviews, cl.HeadTeacher, TodoDifficulty)
	}

	// 四(二)3(2) and 附件4 注: the plan, a retake plan per failed course, and its reviews.
	reviewer, reviewRole := cl.HeadTeacher, RoleHeadTeacher
	if t.year >= 3 {
		reviewer, reviewRole = k.Student.Advisor, RoleAdvisor
	}
	p := k.StudyPlan
	if p == nil || p.Plan == "" {
		t.add(StepPlan, "study_plan.plan", t.dl.Plan, reviewer, TodoPlan)
	}
	if p != nil && p.Plan != "" {
		for i, fc := range k.Warning.FailedCourses {
			if !t.hasRetake(fc.Name) {
				t.add(StepPlan, "study_plan.retakes", t.dl.Plan, reviewer, TodoRetake, fc.Name, fmt.Sprint(i+1))
			}
		}
		reviewers := func(yield func(string) bool) {
			for _, r := range p.Reviews {
				if !yield(r.By) {
					return
				}
			}
		}
		if reviewRole == RoleAdvisor && k.Student.Advisor == "" {
			t.add(StepReview, "student.advisor", t.dl.Plan, cl.HeadTeacher, TodoAdvisor, StudyYear(t.year))
		} else if !t.doneBy(reviewRole, reviewers) {
			t.add(StepReview, "study_plan.reviews", t.dl.Plan, reviewer, TodoReview, reviewRole, reviewer)
		}
		if trial && !t.doneBy(RoleCounselor, reviewers) {
			t.add(StepReview, "study_plan.reviews", t.dl.Plan, cl.Counselor, TodoReview, RoleCounselor, cl.Counselor)
		}
	}

	// 四(二)3(4): once the next semester has begun, the case is evaluated.
	next := k.Semester.Next()
	start := c.repo.SemesterStart(next)
	if k.Evaluation == nil && !c.today.Before(start) {
		t.add(StepEvaluation, "evaluation", Date{}, cl.HeadTeacher, TodoEvaluation, string(next), start.String())
	}
}

// doneBy reports whether any of names holds role for the case's student.
func (t *todoer) doneBy(role Role, names func(yield func(string) bool)) bool {
	for n := range names {
		if t.c.repo.Config.HasRole(n, role, &t.k.Student) {
			return true
		}
	}
	return false
}

func (t *todoer) hasRetake(course string) bool {
	for _, r := range t.k.StudyPlan.Retakes {
		if r.Course == course && r.Plan != "" {
			return true
		}
	}
	return false
}

// escalations marks students with cases in two semesters in a row, or in three in all:
// the seed's 常态化 work goes on "直至被帮扶学生消除学业预警", and the 组长 must see them.
func (c *checker) escalations() {
	for _, e := range Escalations(c.repo) {
		k := e.Latest
		if c.failed(k.Source.File) {
			continue
		}
		c.out = append(c.out, Finding{Pos: k.Source.At("warning.level"), Field: "warning.level", Severity: Todo,
			Code: TodoEscalation, Args: []any{len(e.Semesters), e.Reason}, Semester: k.Semester, Student: k.Student.ID,
			Owner: c.repo.Config.Classes[k.Student.Class].HeadTeacher, Step: StepEscalation})
	}
}

// Escalation is a student whose warnings go on across semesters.
type Escalation struct {
	ID        StudentID
	Semesters []Semester
	Latest    *Case
	// Reason is EscalationConsecutive (two semesters in a row) or EscalationTotal (three or more).
	Reason Code
}

// Escalations lists every escalated student, by id.
func Escalations(r *Repo) []Escalation {
	hist := r.Histories()
	ids := make([]StudentID, 0, len(hist))
	for id := range hist {
		ids = append(ids, id)
	}
	sortIDs(ids)
	var out []Escalation
	for _, id := range ids {
		// Only cases that read right and stand in their own semester's folder count.
		var cs []*Case
		for _, k := range hist[id] {
			if id != "" && k.Semester.Valid() && !k.Source.Failed && (k.Source.Folder == "" || k.Source.Folder == k.Semester) {
				cs = append(cs, k)
			}
		}
		if len(cs) == 0 {
			continue
		}
		var sems []Semester
		for _, k := range cs {
			if len(sems) == 0 || sems[len(sems)-1] != k.Semester {
				sems = append(sems, k.Semester)
			}
		}
		var reason Code
		if len(sems) >= 3 {
			reason = EscalationTotal
		} else {
			for i := 1; i < len(sems); i++ {
				if sems[i-1].Next() == sems[i] {
					reason = EscalationConsecutive
				}
			}
		}
		if reason != "" {
			out = append(out, Escalation{ID: id, Semesters: sems, Latest: cs[len(cs)-1], Reason: reason})
		}
	}
	return out
}

package pipeline

// Keeper is who keeps a case's papers after the term: 四(二)4 has the college archive
// 附件1 and 附件2 each term; the 班主任 keeps the 谈话记录 (附件3); the study plan
// (附件4) is kept by whoever reviewed it — the 班主任 for years 1-2, the 导师 for year
// 3 and above (四(二)3(2)).
type Keeper struct {
	Role Role
	Name string
}

// PlanKeeper is who keeps a case's 附件4.
func (r *Repo) PlanKeeper(c *Case) Keeper {
	if r.YearOfStudy(c) >= 3 && c.Student.Advisor != "" {
		return Keeper{RoleAdvisor, c.Student.Advisor}
	}
	return Keeper{RoleHeadTeacher, r.Config.Classes[c.Student.Class].HeadTeacher}
}

// InterviewKeeper is who keeps a case's 附件3: the class's 班主任.
func (r *Repo) InterviewKeeper(c *Case) Keeper {
	return Keeper{RoleHeadTeacher, r.Config.Classes[c.Student.Class].HeadTeacher}
}

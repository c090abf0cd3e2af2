package pipeline

import "regexp"

// Config is bangfu.yaml: the college, its roster and its deadlines.
type Config struct {
	University       string               `yaml:"university" title:"学校"`
	College          string               `yaml:"college" required:"true" title:"学院"`
	StudentIDPattern string               `yaml:"student_id_pattern" title:"学号格式" desc:"正则表达式，默认 ^\\d{10}$"`
	Classes          map[string]Class     `yaml:"classes" required:"true" title:"班级名册"`
	Advisors         []string             `yaml:"advisors" title:"导师"`
	Deadlines        map[string]Deadlines `yaml:"deadlines" title:"时间节点" desc:"按学期；过期未完成的待办标为逾期"`
	SemesterStarts   map[string]Date      `yaml:"semester_starts" title:"学期开始日期" desc:"默认第1学期9月1日、第2学期3月1日"`

	Source Source `yaml:"-"`

	idPattern *regexp.Regexp
}

// Class is one roster line: who looks after the class.
type Class struct {
	Major       string `yaml:"major" required:"true" title:"专业"`
	Grade       int    `yaml:"grade" required:"true" title:"年级" min:"2000" max:"2100"`
	HeadTeacher string `yaml:"head_teacher" required:"true" title:"班主任"`
	Counselor   string `yaml:"counselor" required:"true" title:"辅导员"`
}

// Deadlines are a semester's time points; an open step past its deadline is 逾期.
type Deadlines struct {
	Notify     Date `yaml:"notify" title:"通知与家长联系截止"`
	Interviews Date `yaml:"interviews" title:"谈话截止"`
	Plan       Date `yaml:"plan" title:"学习计划截止"`
}

// DefaultStudentIDPattern is the id pattern when bangfu.yaml names none.
const DefaultStudentIDPattern = `^\d{10}$`

// IDPattern is the compiled student id pattern, or nil when it does not compile.
func (c *Config) IDPattern() *regexp.Regexp {
	if c.idPattern == nil {
		p := c.StudentIDPattern
		if p == "" {
			p = DefaultStudentIDPattern
		}
		c.idPattern, _ = regexp.Compile(p)
	}
	return c.idPattern
}

// Role is what a person is to a student: the seed's roles of 二(四) and 附件4.
type Role string

const (
	RoleHeadTeacher Role = "班主任"
	RoleCounselor   Role = "辅导员"
	RoleAdvisor     Role = "导师"
)

// RolesOf says what roles name holds for a student of class in this roster.
func (c *Config) RolesOf(name string, st *Student) []Role {
	var roles []Role
	if name == "" {
		return nil
	}
	if cl, ok := c.Classes[st.Class]; ok {
		if cl.HeadTeacher == name {
			roles = append(roles, RoleHeadTeacher)
		}
		if cl.Counselor == name {
			roles = append(roles, RoleCounselor)
		}
	}
	if st.Advisor == name {
		roles = append(roles, RoleAdvisor)
	}
	return roles
}

// HasRole reports whether name holds role for the student.
func (c *Config) HasRole(name string, role Role, st *Student) bool {
	for _, r := range c.RolesOf(name, st) {
		if r == role {
			return true
		}
	}
	return false
}

// StaffRole is the role name has anywhere in the roster, for people with no student in view.
func (c *Config) StaffRole(name string) (Role, bool) {
	for _, cl := range c.Classes {
		if cl.HeadTeacher == name {
			return RoleHeadTeacher, true
		}
	}
	for _, cl := range c.Classes {
		if cl.Counselor == name {
			return RoleCounselor, true
		}
	}
	for _, a := range c.Advisors {
		if a == name {
			return RoleAdvisor, true
		}
	}
	return "", false
}

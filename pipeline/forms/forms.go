// Package forms says what each of the seed's appendix forms shows: from a Case or a
// Meeting to the values of the form's tags. It decides content, not layout; the
// layout is the template's (templates/), the XML package docx's.
package forms

import (
	"fmt"
	"strings"

	"github.com/gxu-fl/bangfu/pipeline"
	"github.com/gxu-fl/bangfu/pipeline/docx"
)

// Form is one appendix: its template, where its documents go, and the tags it fills.
type Form struct {
	Key      string // 附件1 … 附件4
	Template string // the template's file name in templates/
	Folder   string // the output folder of its documents
	Schema   docx.Schema
}

// The four forms of 学业帮扶实施办法.
var (
	Meeting = Form{"附件1", "附件1_座谈会记录.docx", "附件1_座谈会记录", docx.Schema{
		Fields: append(common(), "category_count", "participants", "time_place",
			"minutes.failure_reasons", "minutes.student_sharing", "minutes.teacher_guidance", "minutes.leader_speech",
			"recorder", "record_date"),
		Lists: map[string][]string{"students": {"no", "id", "name", "class", "level", "failed"}},
	}}
	Peer = Form{"附件2", "附件2_朋辈帮扶申请表.docx", "附件2_朋辈帮扶申请表", docx.Schema{
		Fields: append(common(), "mentor.name", "mentor.id", "mentor.major", "mentor.bank_account",
			"student.name", "student.id", "student.class", "mentees", "reasons", "plan",
			"class_opinion.text", "class_opinion.by", "class_opinion.date",
			"college_opinion.text", "college_opinion.by", "college_opinion.date",
			"school_opinion.text", "school_opinion.date"),
	}}
	Interview = Form{"附件3", "附件3_谈话记录表.docx", "附件3_谈话记录表", docx.Schema{
		Fields: append(common(), "student.name", "student.gender", "student.class", "student.phone", "student.id",
			"interview.by", "interview.role", "interview.initiated_by", "interview.no", "interview.method", "interview.topics",
			"interview.time", "interview.place", "interview.impression", "interview.content", "interview.measures"),
	}}
	Plan = Form{"附件4", "附件4_学习计划表.docx", "附件4_学习计划表", docx.Schema{
		Fields: append(common(), "student.name", "student.grade", "student.major_class", "student.id", "student.class",
			"warning.level", "plan.text", "plan.signed_date", "plan.reviews", "plan.review_date"),
		Lists: map[string][]string{"retakes": {"course", "result", "plan"}},
	}}
	All = []Form{Meeting, Peer, Interview, Plan}
)

func common() []string { return []string{"university", "college", "semester", "semester_title"} }

func t(s string) docx.Value { return docx.Text(s) }

func base(r *pipeline.Repo, sem pipeline.Semester) docx.Values {
	return docx.Values{
		"university":     t(r.Config.University),
		"college":        t(r.Config.College),
		"semester":       t(string(sem)),
		"semester_title": t(sem.Title()),
	}
}

// blankDate leaves room to write a date by hand.
const blankDate = "　　　　年　　月　　日"

// DateLine is a date as a form's signature line writes it, or room for a pen.
func DateLine(d pipeline.Date) string {
	if d.IsZero() {
		return blankDate
	}
	return fmt.Sprintf("%d 年 %d 月 %d 日", d.Year(), d.Month(), d.Day())
}

// MeetingValues is 附件1 for one meeting: the minutes and the attached list of its students.
func MeetingValues(r *pipeline.Repo, m *pipeline.Meeting) docx.Values {
	v := base(r, m.Semester)
	byID := r.CasesByID(m.Semester)
	var names []string
	var rows []docx.Values
	for i, id := range m.Students {
		c := byID[id]
		row := docx.Values{"no": t(fmt.Sprint(i + 1)), "id": t(string(id))}
		if c != nil {
			names = append(names, c.Student.Name)
			var failed []string
			for _, fc := range c.Warning.FailedCourses {
				failed = append(failed, fc.Name)
			}
			row["name"], row["class"], row["level"] = t(c.Student.Name), t(c.Student.Class), t(string(c.Warning.Level))
			row["failed"] = t(strings.Join(failed, "、"))
		}
		rows = append(rows, row)
	}
	v["category_count"] = t(fmt.Sprintf("%s %d 人", m.Category, len(m.Students)))
	v["participants"] = t("教师：" + strings.Join(m.Teachers, "、") + "\n学生：" + strings.Join(names, "、"))
	when := ""
	if !m.Date.IsZero() {
		when = DateLine(m.Date.Date)
		if m.Date.HasTime {
			when += fmt.Sprintf(" %02d:%02d", m.Date.Hour, m.Date.Min)
		}
	}
	v["time_place"] = t(strings.TrimSpace(when + "　" + m.Place))
	v["minutes.failure_reasons"] = t(m.Minutes.FailureReasons)
	v["minutes.student_sharing"] = t(m.Minutes.StudentSharing)
	v["minutes.teacher_guidance"] = t(m.Minutes.TeacherGuidance)
	v["minutes.leader_speech"] = t(m.Minutes.LeaderSpeech)
	v["recorder"] = t(m.Recorder)
	v["record_date"] = t(DateLine(m.Date.Date))
	v["students"] = docx.Value{Rows: rows}
	return v
}

func student(r *pipeline.Repo, c *pipeline.Case, v docx.Values) {
	v["student.name"] = t(c.Student.Name)
	v["student.id"] = t(string(c.Student.ID))
	v["student.class"] = t(c.Student.Class)
}

// PeerValues is 附件2 for a case with peer support. account is the mentor's bank
// account from private/accounts.yaml when the case leaves it out.
func PeerValues(r *pipeline.Repo, c *pipeline.Case, account pipeline.BankAccount) docx.Values {
	v := base(r, c.Semester)
	student(r, c, v)
	ps := c.PeerSupport
	acct := ps.Mentor.BankAccount
	if acct == "" {
		acct = account
	}
	v["mentor.name"], v["mentor.id"], v["mentor.major"] = t(ps.Mentor.Name), t(string(ps.Mentor.ID)), t(ps.Mentor.Major)
	v["mentor.bank_account"] = t(acct.Grouped())
	if ps.Mentees != nil {
		v["mentees"] = t(fmt.Sprint(*ps.Mentees))
	}
	v["reasons"], v["plan"] = t(ps.Reasons), t(ps.Plan)
	for _, o := range []struct {
		key string
		op  pipeline.Opinion
	}{{"class_opinion", ps.ClassOpinion}, {"college_opinion", ps.CollegeOpinion}, {"school_opinion", ps.SchoolOpinion}} {
		v[o.key+".text"], v[o.key+".date"] = t(o.op.Text), t(DateLine(o.op.Date))
		if o.key != "school_opinion" {
			v[o.key+".by"] = t(o.op.By)
		}
	}
	return v
}

// InterviewValues is 附件3 for the case's i-th interview (0-based); 约谈次数 is its place
// among the student's interviews of the semester.
func InterviewValues(r *pipeline.Repo, c *pipeline.Case, i int) docx.Values {
	v := base(r, c.Semester)
	student(r, c, v)
	iv := c.Interviews[i]
	v["student.gender"] = t(string(c.Student.Gender))
	v["student.phone"] = t(string(c.Student.Phone))
	v["interview.by"] = t(iv.By)
	var roles []string
	for _, role := range r.Config.RolesOf(iv.By, &c.Student) {
		roles = append(roles, string(role))
	}
	v["interview.role"] = t(strings.Join(roles, "、"))
	v["interview.no"] = t(fmt.Sprint(i + 1))
	v["interview.initiated_by"] = docx.Options(pipeline.InitiatedBy("").Values(), func(s string) bool { return s == string(iv.InitiatedBy) })
	v["interview.method"] = docx.Options(pipeline.Method("").Values(), func(s string) bool { return s == string(iv.Method) })
	v["interview.topics"] = topics(iv.Topics)
	when := ""
	if !iv.Date.IsZero() {
		when = fmt.Sprintf("%d 年 %d 月 %d 日", iv.Date.Year(), iv.Date.Month(), iv.Date.Day())
		if iv.Date.HasTime {
			when += fmt.Sprintf(" %d 时", iv.Date.Hour)
			if iv.Date.Min != 0 {
				when += fmt.Sprintf(" %d 分", iv.Date.Min)
			}
		}
	} else {
		when = blankDate + "　　时"
	}
	v["interview.time"] = t(when)
	v["interview.place"] = t(iv.Place)
	v["interview.impression"], v["interview.content"], v["interview.measures"] = t(iv.Impression), t(iv.Content), t(iv.Measures)
	return v
}

// topics prints 附件3's topics whole, 其他 last with its text when one was chosen.
func topics(chosen []pipeline.Topic) docx.Value {
	on := map[string]bool{}
	other := ""
	for _, tp := range chosen {
		if o, ok := tp.Other(); ok {
			if other != "" {
				other += "、"
			}
			other += o
			continue
		}
		on[string(tp)] = true
	}
	v := docx.Options(pipeline.TopicValues, func(s string) bool { return on[s] })
	v.Checks = append(v.Checks, docx.Check{Label: pipeline.TopicOther + other, On: other != ""})
	return v
}

// PlanValues is 附件4 for a case: the plan, each failed course with its retake plan
// row by row, and the helping teachers' opinions.
func PlanValues(r *pipeline.Repo, c *pipeline.Case) docx.Values {
	v := base(r, c.Semester)
	student(r, c, v)
	cl := r.Config.Classes[c.Student.Class]
	if cl.Grade > 0 {
		v["student.grade"] = t(fmt.Sprintf("%d 级", cl.Grade))
	}
	v["student.major_class"] = t(strings.TrimSpace(cl.Major + " " + c.Student.Class))
	v["warning.level"] = t(string(c.Warning.Level))
	p := c.StudyPlan
	if p == nil {
		p = &pipeline.StudyPlan{}
	}
	v["plan.text"] = t(p.Plan)
	v["plan.signed_date"] = t(DateLine(p.StudentSignedOn))
	var rows []docx.Values
	for _, fc := range c.Warning.FailedCourses {
		plan := ""
		for _, rt := range p.Retakes {
			if rt.Course == fc.Name {
				plan = rt.Plan
			}
		}
		rows = append(rows, docx.Values{"course": t(fc.Name), "result": t(result(fc)), "plan": t(plan)})
	}
	v["retakes"] = docx.Value{Rows: rows}
	var reviews []string
	var last pipeline.Date
	for _, rv := range p.Reviews {
		who := rv.By
		var roles []string
		for _, role := range r.Config.RolesOf(rv.By, &c.Student) {
			roles = append(roles, string(role))
		}
		if len(roles) > 0 {
			who += "（" + strings.Join(roles, "、") + "）"
		}
		line := who + "：" + rv.Opinion
		if !rv.Date.IsZero() {
			line += "　" + rv.Date.String()
			if rv.Date.After(last) {
				last = rv.Date
			}
		}
		reviews = append(reviews, line)
	}
	v["plan.reviews"] = t(strings.Join(reviews, "\n"))
	v["plan.review_date"] = t(DateLine(last))
	return v
}

func result(fc pipeline.FailedCourse) string {
	var parts []string
	if fc.Credits != nil {
		parts = append(parts, fmt.Sprintf("%g 学分", *fc.Credits))
	}
	if fc.Score.Given {
		s := fc.Score.String()
		if fc.Score.Mark == "" {
			s += " 分"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "，")
}

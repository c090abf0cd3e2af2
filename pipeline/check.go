package pipeline

import (
	"fmt"
	"maps"
	"slices"
)

// Check applies the seed's rules to a loaded repository: the errors that stop a
// record and the to-dos (待办) still open on today. Load errors are the loader's;
// Check adds what only the whole repository can tell.
func Check(r *Repo, today Date) []Finding {
	c := &checker{repo: r, today: today, bySemester: map[Semester]map[StudentID]*Case{}}
	c.config()
	c.duplicates()
	for _, k := range r.Cases {
		c.caseRules(k)
	}
	for _, m := range r.Meetings {
		c.meetingRules(m)
	}
	for _, s := range r.Surveys {
		c.surveyRules(s)
	}
	// A record with errors gets its to-dos once it reads right: until then a half-read
	// field would show as a step not done.
	for _, k := range r.Cases {
		if !k.Source.Failed && !c.failed(k.Source.File) {
			c.todos(k)
		}
	}
	c.escalations()
	SortFindings(c.out)
	return c.out
}

type checker struct {
	repo  *Repo
	today Date
	out   []Finding
	// bySemester holds each semester's Repo.CasesByID, built once.
	bySemester map[Semester]map[StudentID]*Case
	// errFiles marks files that have a rule error, so their to-dos wait until they read right.
	errFiles map[string]bool
}

func (c *checker) failed(file string) bool { return c.errFiles[file] }

// errorAt adds an error at path of src, unless the loader already reported that path.
func (c *checker) errorAt(src Source, path string, code Code, args ...any) {
	if src.Bad(path) {
		return
	}
	if c.errFiles == nil {
		c.errFiles = map[string]bool{}
	}
	c.errFiles[src.File] = true
	c.out = append(c.out, Finding{Pos: src.At(path), Field: path, Severity: Error, Code: code, Args: args})
}

func (c *checker) config() {
	cfg := c.repo.Config
	if cfg.StudentIDPattern != "" && cfg.IDPattern() == nil {
		c.errorAt(cfg.Source, "student_id_pattern", CodeBadIDPattern, cfg.StudentIDPattern)
	}
	for _, key := range slices.Sorted(maps.Keys(cfg.Deadlines)) {
		if !Semester(key).Valid() {
			c.errorAt(cfg.Source, "deadlines."+key, CodeBadSemester, key)
		}
	}
	for _, key := range slices.Sorted(maps.Keys(cfg.SemesterStarts)) {
		if !Semester(key).Valid() {
			c.errorAt(cfg.Source, "semester_starts."+key, CodeBadSemester, key)
		}
	}
}

// duplicates reports a student with two case files in one semester, on every file after the first.
func (c *checker) duplicates() {
	type key struct {
		sem Semester
		id  StudentID
	}
	first := map[key]*Case{}
	for _, k := range c.repo.Cases {
		if k.Student.ID == "" || k.Source.Bad("student.id") {
			continue
		}
		sem := k.Semester
		if k.Source.Folder != "" {
			sem = k.Source.Folder
		}
		kk := key{sem, k.Student.ID}
		if f, ok := first[kk]; ok {
			c.errorAt(k.Source, "student.id", CodeDuplicateCase, string(k.Student.ID), f.Source.File)
			continue
		}
		first[kk] = k
	}
}

func (c *checker) semesterMatchesFolder(src Source, sem Semester) {
	if src.Folder != "" && sem != "" && sem != src.Folder {
		c.errorAt(src, "semester", CodeSemesterMismatch, string(sem), string(src.Folder))
	}
}

func (c *checker) idPattern(src Source, path string, id StudentID) {
	re := c.repo.Config.IDPattern()
	if id != "" && re != nil && !re.MatchString(string(id)) {
		c.errorAt(src, path, CodeIDPattern, string(id), re.String())
	}
}

func (c *checker) knownClass(src Source, path, class string) bool {
	if _, ok := c.repo.Config.Classes[class]; ok || class == "" {
		return ok
	}
	c.errorAt(src, path, CodeUnknownClass, class, Suggest(class, slices.Sorted(maps.Keys(c.repo.Config.Classes))))
	return false
}

func (c *checker) caseRules(k *Case) {
	src := k.Source
	c.semesterMatchesFolder(src, k.Semester)
	if src.Name != "" && k.Student.ID != "" && string(k.Student.ID) != src.Name {
		c.errorAt(src, "student.id", CodeIDFileMismatch, string(k.Student.ID), src.Name+".yaml")
	}
	c.idPattern(src, "student.id", k.Student.ID)
	for _, f := range []struct{ path, v string }{{"student.name", k.Student.Name}, {"student.class", k.Student.Class}, {"warning.level", string(k.Warning.Level)}} {
		if f.v == "" && !src.Failed {
			c.errorAt(src, f.path, CodeEmptyRequired, f.path)
		}
	}
	c.knownClass(src, "student.class", k.Student.Class)
	if a := k.Student.Advisor; a != "" && !slices.Contains(c.repo.Config.Advisors, a) {
		c.errorAt(src, "student.advisor", CodeUnknownAdvisor, a, Suggest(a, c.repo.Config.Advisors))
	}
	if s := k.Warning.Source; s != "" && s != SourceOffice && k.Warning.Basis == "" {
		c.errorAt(src, "warning.source", CodeBasisRequired, string(s))
	}
	if p := k.StudyPlan; p != nil {
		var names []string
		for _, fc := range k.Warning.FailedCourses {
			names = append(names, fc.Name)
		}
		for i, rt := range p.Retakes {
			if rt.Course != "" && !slices.Contains(names, rt.Course) {
				c.errorAt(src, fmt.Sprintf("study_plan.retakes[%d].course", i), CodeRetakeUnknown, rt.Course, Suggest(rt.Course, names))
			}
		}
	}
	if ps := k.PeerSupport; ps != nil {
		c.idPattern(src, "peer_support.mentor.id", ps.Mentor.ID)
	}
}

func (c *checker) meetingRules(m *Meeting) {
	src := m.Source
	c.semesterMatchesFolder(src, m.Semester)
	byID := c.casesByID(m.Semester)
	seen := map[StudentID]bool{}
	for i, id := range m.Students {
		path := fmt.Sprintf("students[%d]", i)
		if seen[id] {
			c.errorAt(src, path, CodeMeetingDuplicateID, string(id))
			continue
		}
		seen[id] = true
		k, ok := byID[id]
		switch {
		case !ok:
			c.errorAt(src, path, CodeMeetingNoCase, string(id), string(m.Semester))
		case m.Category != "" && k.Warning.Level != m.Category && !k.Source.Bad("warning.level") && !k.Source.Bad("warning"):
			c.errorAt(src, path, CodeMeetingWrongLevel, string(id), string(k.Warning.Level), string(m.Category))
		}
	}
}

func (c *checker) surveyRules(s *Survey) {
	src := s.Source
	c.semesterMatchesFolder(src, s.Semester)
	if c.knownClass(src, "class", s.Class) && src.Name != "" && s.Class != src.Name {
		c.errorAt(src, "class", CodeClassFileMismatch, s.Class, src.Name+".yaml")
	}
	for i, con := range s.Concerns {
		c.idPattern(src, fmt.Sprintf("concerns[%d].id", i), con.ID)
	}
	if c.failed(src.File) || src.Failed {
		return
	}
	has := c.casesByID(s.Semester)
	cl := c.repo.Config.Classes[s.Class]
	for i, con := range s.Concerns {
		if has[con.ID] == nil {
			path := fmt.Sprintf("concerns[%d]", i)
			c.out = append(c.out, Finding{Pos: src.At(path), Field: path, Severity: Todo, Code: TodoSurveyConcern,
				Args: []any{string(con.ID), s.Class}, Semester: s.Semester, Student: con.ID, Owner: cl.HeadTeacher, Step: StepSurvey})
		}
	}
}

func (c *checker) casesByID(sem Semester) map[StudentID]*Case {
	if c.bySemester[sem] == nil {
		c.bySemester[sem] = c.repo.CasesByID(sem)
	}
	return c.bySemester[sem]
}

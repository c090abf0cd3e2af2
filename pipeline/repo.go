package pipeline

import (
	"sort"
)

// Repo is a loaded records repository: the roster and every record of every semester.
type Repo struct {
	Config   *Config
	Cases    []*Case
	Meetings []*Meeting
	Surveys  []*Survey
}

// Semesters lists every semester that has a record, oldest first.
func (r *Repo) Semesters() []Semester {
	seen := map[Semester]bool{}
	add := func(s Semester) {
		if s.Valid() {
			seen[s] = true
		}
	}
	for _, c := range r.Cases {
		add(c.Semester)
	}
	for _, m := range r.Meetings {
		add(m.Semester)
	}
	for _, s := range r.Surveys {
		add(s.Semester)
	}
	out := make([]Semester, 0, len(seen))
	for s := range seen {
		out = append(out, s)
	}
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// CasesOf lists the cases of one semester in class then id order, as forms and sheets list them.
func (r *Repo) CasesOf(sem Semester) []*Case {
	var out []*Case
	for _, c := range r.Cases {
		if c.Semester == sem {
			out = append(out, c)
		}
	}
	SortCases(out)
	return out
}

// CasesByID indexes a semester's cases by student. Where a student has two case
// files (an error the rules report) the first, in path order, stands.
func (r *Repo) CasesByID(sem Semester) map[StudentID]*Case {
	out := map[StudentID]*Case{}
	for _, c := range r.Cases {
		if c.Semester == sem {
			if _, dup := out[c.Student.ID]; !dup {
				out[c.Student.ID] = c
			}
		}
	}
	return out
}

// SortCases orders cases by semester, class, then student id.
func SortCases(cs []*Case) {
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if a.Semester != b.Semester {
			return a.Semester < b.Semester
		}
		if a.Student.Class != b.Student.Class {
			return a.Student.Class < b.Student.Class
		}
		if a.Student.ID != b.Student.ID {
			return a.Student.ID < b.Student.ID
		}
		return a.Source.File < b.Source.File
	})
}

// YearOfStudy is the student's year (1 = 大一) in the case's semester, or 0 when the class is unknown.
func (r *Repo) YearOfStudy(c *Case) int {
	cl, ok := r.Config.Classes[c.Student.Class]
	if !ok || !c.Semester.Valid() {
		return 0
	}
	return c.Semester.FirstYear() - cl.Grade + 1
}

// SemesterStart is the first day of sem, from bangfu.yaml or the default.
func (r *Repo) SemesterStart(sem Semester) Date {
	if d, ok := r.Config.SemesterStarts[string(sem)]; ok && !d.IsZero() {
		return d
	}
	return sem.DefaultStart()
}

// Histories lists every student's cases across semesters, oldest first, by student.
func (r *Repo) Histories() map[StudentID][]*Case {
	out := map[StudentID][]*Case{}
	for _, c := range r.Cases {
		out[c.Student.ID] = append(out[c.Student.ID], c)
	}
	for _, cs := range out {
		SortCases(cs)
	}
	return out
}

// History lists a student's cases across semesters, oldest first.
func (r *Repo) History(id StudentID) []*Case {
	var out []*Case
	for _, c := range r.Cases {
		if c.Student.ID == id {
			out = append(out, c)
		}
	}
	SortCases(out)
	return out
}

func sortIDs(ids []StudentID) { sort.Slice(ids, func(i, j int) bool { return ids[i] < ids[j] }) }

// ConfigFileName is the repository's settings file, as findings name it.
const ConfigFileName = "bangfu.yaml"

package pipeline

import (
	"fmt"
	"sort"
	"strings"
)

// Pos is a place in a records file, 1-based, as editors count (columns in characters).
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string { return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col) }

// Source is the file a record was read from and where each of its fields stands,
// so that a rule can point a person at the exact line to fix.
type Source struct {
	File string
	// Folder is the semester of the folder the file is in (records/SEMESTER/...), if any.
	Folder Semester
	// Name is the file name without its extension: a student id or a class for a survey.
	Name string
	// Pos maps a field path ("interviews[1].by") to where its value stands.
	Pos map[string]Pos
	// Broken marks field paths the loader could not read; rules leave them to the loader's message.
	Broken map[string]bool
	// Failed is set when the file could not be read at all, or any field could not.
	Failed bool
	// Hash is the SHA-256 of the file's bytes: what a document made from it depends on.
	Hash string
}

// At is the position of path, or of its nearest ancestor that the file has,
// or the top of the file: a missing field is reported where it belongs.
func (s Source) At(path string) Pos {
	for p := path; p != ""; p = parentPath(p) {
		if pos, ok := s.Pos[p]; ok {
			return pos
		}
	}
	return Pos{File: s.File, Line: 1, Col: 1}
}

// Bad reports whether the loader already found path (or a parent of it) unreadable.
func (s Source) Bad(path string) bool {
	for p := path; p != ""; p = parentPath(p) {
		if s.Broken[p] {
			return true
		}
	}
	return false
}

// Has reports whether the file wrote path at all.
func (s Source) Has(path string) bool { _, ok := s.Pos[path]; return ok }

func parentPath(p string) string {
	i := strings.LastIndexAny(p, ".[")
	if i < 0 {
		return ""
	}
	return p[:i]
}

// Severity says whether a finding stops a record (Error) or is a step still to do (Todo, 待办).
type Severity int

const (
	Error Severity = iota
	Todo
)

func (s Severity) String() string {
	if s == Todo {
		return "todo"
	}
	return "error"
}

// Code names a kind of finding; the i18n package turns it and its Args into a sentence.
type Code string

// Finding is one thing a person should fix or do, at a place in a file.
type Finding struct {
	Pos      Pos
	Field    string
	Severity Severity
	Code     Code
	Args     []any
	// Semester and Student say which case a to-do belongs to (empty for file-level errors).
	Semester Semester
	Student  StudentID
	// Owner is who should act on a to-do (a staff name from the roster), when known.
	Owner string
	// Step is the seed's step a to-do belongs to, for progress tables.
	Step Step
	// Overdue marks a to-do past its deadline in bangfu.yaml (逾期).
	Overdue bool
}

// Problem is a value that could not be read; the loader places it at the value's position.
type Problem struct {
	Code Code
	Args []any
}

func (p *Problem) Error() string { return fmt.Sprint(string(p.Code), p.Args) }

func problem(code Code, args ...any) *Problem { return &Problem{Code: code, Args: args} }

// SortFindings orders findings by file, line, column, then code, for stable output.
func SortFindings(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Pos.File != b.Pos.File {
			return a.Pos.File < b.Pos.File
		}
		if a.Pos.Line != b.Pos.Line {
			return a.Pos.Line < b.Pos.Line
		}
		if a.Pos.Col != b.Pos.Col {
			return a.Pos.Col < b.Pos.Col
		}
		if a.Severity != b.Severity {
			return a.Severity < b.Severity
		}
		return a.Code < b.Code
	})
}

// Sensitive wraps a phone or bank number given as a message argument: it always prints masked.
type Sensitive string

func (s Sensitive) String() string { return MaskDigits(string(s)) }

package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"

	"github.com/gxu-fl/bangfu/pipeline"
	"github.com/gxu-fl/bangfu/pipeline/i18n"
)

func init() {
	register(&command{
		name:    "validate",
		usage:   "[学期...] [--strict] [--json]",
		summary: "检查记录：错误（须修改）和待办（帮扶步骤尚未完成），每条一行 文件:行:列",
		example: "  bangfu validate\n  bangfu validate 2025-2026-1 --strict   # 归档前：待办也算错误\n  bangfu validate --json --lang en",
		bind: func(fs *flag.FlagSet) runFunc {
			strict := fs.Bool("strict", false, "treat to-dos as errors (before archiving a term)")
			asJSON := fs.Bool("json", false, "print the findings as a JSON array")
			return func(ctx context.Context, e *env, args []string) error {
				return validate(ctx, e, args, *strict, *asJSON)
			}
		},
	})
}

// validate prints every finding of the chosen semesters and a summary line.
func validate(ctx context.Context, e *env, args []string, strict, asJSON bool) error {
	sems, err := parseSemesters(args)
	if err != nil {
		return err
	}
	_, repo, findings, err := e.load(ctx)
	if err != nil {
		return err
	}
	findings = inSemesters(findings, sems)
	var errs, todos, overdue int
	for _, f := range findings {
		if f.Severity == pipeline.Error {
			errs++
		} else {
			todos++
			if f.Overdue {
				overdue++
			}
		}
	}
	if asJSON {
		if err := writeFindingsJSON(e, findings); err != nil {
			return err
		}
	} else {
		for _, f := range findings {
			fmt.Fprintln(e.stdout, i18n.Finding(e.lang, f))
		}
		cases := 0
		for _, c := range repo.Cases {
			if len(sems) == 0 || sems[c.Semester] {
				cases++
			}
		}
		fmt.Fprintln(e.stdout, i18n.Summary(e.lang, cases, errs, todos, overdue))
	}
	if errs > 0 || (strict && todos > 0) {
		return findingsError{errs, todos}
	}
	return nil
}

// parseSemesters reads semester arguments into a set; an empty set means all.
func parseSemesters(args []string) (map[pipeline.Semester]bool, error) {
	sems := map[pipeline.Semester]bool{}
	for _, a := range args {
		s, err := pipeline.ParseSemester(a)
		if err != nil {
			return nil, badSemester(a)
		}
		sems[s] = true
	}
	return sems, nil
}

// inSemesters keeps the findings of the given semesters (and those of bangfu.yaml).
func inSemesters(fs []pipeline.Finding, sems map[pipeline.Semester]bool) []pipeline.Finding {
	if len(sems) == 0 {
		return fs
	}
	var out []pipeline.Finding
	for _, f := range fs {
		sem := f.Semester
		if sem == "" {
			if parts := strings.Split(f.Pos.File, "/"); len(parts) > 2 && parts[0] == "records" {
				sem = pipeline.Semester(parts[1])
			}
		}
		if sem == "" || sems[sem] {
			out = append(out, f)
		}
	}
	return out
}

// findingJSON is one finding for CI and editors.
type findingJSON struct {
	File     string `json:"file"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Field    string `json:"field,omitempty"`
	Severity string `json:"severity"`
	Code     string `json:"code"`
	Message  string `json:"message"`
	Overdue  bool   `json:"overdue,omitempty"`
	Semester string `json:"semester,omitempty"`
	Student  string `json:"student,omitempty"`
	Owner    string `json:"owner,omitempty"`
	Step     string `json:"step,omitempty"`
}

func writeFindingsJSON(e *env, fs []pipeline.Finding) error {
	out := make([]findingJSON, 0, len(fs))
	for _, f := range fs {
		out = append(out, findingJSON{File: f.Pos.File, Line: f.Pos.Line, Col: f.Pos.Col, Field: f.Field,
			Severity: f.Severity.String(), Code: string(f.Code), Message: i18n.Message(e.lang, f), Overdue: f.Overdue,
			Semester: string(f.Semester), Student: string(f.Student), Owner: f.Owner, Step: string(f.Step)})
	}
	enc := json.NewEncoder(e.stdout)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

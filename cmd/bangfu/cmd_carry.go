package main

import (
	"context"
	"errors"
	"flag"
	"fmt"

	"github.com/gxu-fl/bangfu/pipeline"
	"github.com/gxu-fl/bangfu/pipeline/i18n"
	"github.com/gxu-fl/bangfu/pipeline/store"
)

func init() {
	register(&command{
		name:    "carry",
		usage:   "上学期 本学期 [--dry-run]",
		summary: "把上学期未消除预警的学生转入本学期：新建个案（沿用学生信息并注明上学期个案），已有的文件不动",
		example: "  bangfu carry 2025-2026-1 2025-2026-2\n  bangfu carry 2025-2026-1 2025-2026-2 --dry-run",
		bind: func(fs *flag.FlagSet) runFunc {
			dry := fs.Bool("dry-run", false, "show what would be created, write nothing")
			return func(ctx context.Context, e *env, args []string) error {
				if len(args) != 2 {
					return usageError{msg: "carry takes two semesters: bangfu carry FROM TO"}
				}
				from, err1 := pipeline.ParseSemester(args[0])
				to, err2 := pipeline.ParseSemester(args[1])
				if err1 != nil || err2 != nil || to <= from {
					return usageError{msg: "carry FROM TO: two semesters such as 2025-2026-1 2025-2026-2, TO after FROM"}
				}
				return carry(ctx, e, from, to, *dry)
			}
		},
	})
}

// carry opens TO's cases for FROM's students whose evaluation is not 已消除预警 (the
// seed's work goes on "直至被帮扶学生消除学业预警"), never touching an existing file.
func carry(ctx context.Context, e *env, from, to pipeline.Semester, dry bool) error {
	root, repo, findings, err := e.load(ctx)
	if err != nil {
		return err
	}
	bad := map[string]bool{}
	for _, f := range findings {
		if f.Severity == pipeline.Error {
			bad[f.Pos.File] = true
		}
	}
	zh := e.lang != i18n.EN
	var created, exists, cleared, broken int
	already := repo.CasesByID(to)
	for _, c := range repo.CasesOf(from) {
		if bad[c.Source.File] {
			broken++
			fmt.Fprintf(e.stdout, "  ! %s %s\n", c.Source.File, pick(zh, "有错误，未转入（先改正）", "has errors: not carried (fix it first)"))
			continue
		}
		if c.Evaluation != nil && c.Evaluation.Progress == pipeline.ProgressCleared {
			cleared++
			continue
		}
		n := store.NewCase{Semester: to, ID: c.Student.ID, Name: c.Student.Name, Gender: c.Student.Gender, Class: c.Student.Class,
			Advisor: c.Student.Advisor, Phone: c.Student.Phone, Level: c.Warning.Level, Source: c.Warning.Source,
			Class_: repo.Config.Classes[c.Student.Class], Previous: c.Source.File}
		if n.Source != "" && n.Source != pipeline.SourceOffice {
			// Added by staff last term: the reason goes on with the student.
			n.Basis = fmt.Sprintf("%s 未消除预警，继续帮扶：%s", from, c.Warning.Basis)
		}
		rel := store.CasePath(to, c.Student.ID)
		if dry {
			if _, ok := already[c.Student.ID]; ok {
				exists++
				fmt.Fprintf(e.stdout, "  = %s\n", rel)
			} else {
				created++
				fmt.Fprintf(e.stdout, "  + %s\n", rel)
			}
			continue
		}
		switch err := store.WriteNew(root, rel, store.NewCaseYAML(n)); {
		case err == nil:
			created++
			fmt.Fprintf(e.stdout, "  + %s\n", rel)
		case errors.Is(err, store.ErrExists):
			exists++
			fmt.Fprintf(e.stdout, "  = %s\n", rel)
		default:
			return err
		}
	}
	if zh {
		verb := "新建"
		if dry {
			verb = "将新建（--dry-run，未写入）"
		}
		fmt.Fprintf(e.stdout, "%s → %s：%s %d 个，已存在 %d 个（未改动），已消除预警 %d 个，有错误未转入 %d 个\n", from, to, verb, created, exists, cleared, broken)
	} else {
		fmt.Fprintf(e.stdout, "%s → %s: created %d, existing %d (untouched), cleared %d, not carried for errors %d%s\n", from, to, created, exists, cleared, broken,
			pick(dry, " (dry run: nothing written)", ""))
	}
	if broken > 0 {
		return findingsError{errors: broken}
	}
	return nil
}

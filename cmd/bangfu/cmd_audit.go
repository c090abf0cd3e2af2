package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/gxu-fl/bangfu/pipeline"
	"github.com/gxu-fl/bangfu/pipeline/build"
	"github.com/gxu-fl/bangfu/pipeline/gitaudit"
	"github.com/gxu-fl/bangfu/pipeline/i18n"
	"github.com/gxu-fl/bangfu/pipeline/store"
	"github.com/gxu-fl/bangfu/pipeline/workbook"
)

func init() {
	register(&command{
		name:    "audit",
		usage:   "学号|文件 [--semester 学期] | --semester 学期 --xlsx 文件",
		summary: "个案的修改历史（来自 git）：每次提交的作者、时间、说明，以及改了哪些字段",
		example: "  bangfu audit 2025010103\n  bangfu audit records/2025-2026-1/students/2025010103.yaml\n  bangfu audit --semester 2025-2026-1 --xlsx 修改记录.xlsx",
		bind: func(fs *flag.FlagSet) runFunc {
			sem := fs.String("semester", "", "only this semester's cases")
			xlsx := fs.String("xlsx", "", "also write every change as a sheet to `FILE`")
			return func(ctx context.Context, e *env, args []string) error {
				if len(args) > 1 || (len(args) == 0 && (*sem == "" || *xlsx == "")) {
					return usageError{msg: "audit ID|FILE [--semester S] | audit --semester S --xlsx FILE"}
				}
				var s pipeline.Semester
				if *sem != "" {
					var err error
					if s, err = pipeline.ParseSemester(*sem); err != nil {
						return badSemester(*sem)
					}
				}
				return audit(ctx, e, args, s, *xlsx)
			}
		},
	})
}

func audit(ctx context.Context, e *env, args []string, sem pipeline.Semester, xlsx string) error {
	root, err := e.root()
	if err != nil {
		return err
	}
	zh := e.lang != i18n.EN
	if _, err := gitaudit.HeadOf(ctx, root); errors.Is(err, gitaudit.ErrNotRepo) {
		return runError{pick(zh, "这里不是 git 仓库（或还没有提交）：修改历史来自 git 的提交记录", "not a git repository (or no commit yet): the history comes from git commits")}
	} else if err != nil {
		return err
	}
	files, err := auditFiles(e, root, args, sem)
	if err != nil {
		return err
	}
	var out io.Writer
	if len(args) > 0 {
		out = e.stdout // one case: print its history; a semester: only the sheet
	}
	rows, err := auditRows(ctx, root, "HEAD", files, zh, out)
	if err != nil {
		return err
	}
	if len(args) > 0 {
		for _, f := range files {
			if dirty, _ := gitaudit.Uncommitted(ctx, root, f); dirty {
				fmt.Fprintln(e.stdout, pick(zh, f+"：工作区中还有未提交的修改，不在上面的历史里", f+": the work tree has uncommitted changes, not in this history"))
			}
		}
	}
	if xlsx != "" {
		title := "修改记录"
		if sem != "" {
			title = sem.Title() + " 修改记录"
		}
		if err := build.WriteAtomicFunc(xlsx, func(w io.Writer) error { return workbook.WriteAudit(w, title, rows) }); err != nil {
			return err
		}
		fmt.Fprintf(e.stdout, "%s（%d）\n", xlsx, len(rows))
	}
	return nil
}

// auditFiles are the case files to audit: the one named, a student's cases, or a semester's.
func auditFiles(e *env, root string, args []string, sem pipeline.Semester) ([]string, error) {
	if len(args) == 0 {
		m, _ := filepath.Glob(filepath.Join(root, "records", string(sem), "students", "*.yaml"))
		var out []string
		for _, p := range m {
			rel, _ := filepath.Rel(root, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return out, nil
	}
	a := args[0]
	if strings.HasSuffix(a, ".yaml") || strings.HasSuffix(a, ".yml") || strings.ContainsRune(a, '/') {
		p := a
		if !filepath.IsAbs(p) {
			p = filepath.Join(e.dir, p)
		}
		abs, _ := filepath.Abs(p)
		rel, err := filepath.Rel(root, abs)
		if err != nil || strings.HasPrefix(rel, "..") {
			return nil, usageError{msg: fmt.Sprintf("%s is not in the repository", a)}
		}
		return []string{filepath.ToSlash(rel)}, nil
	}
	var out []string
	m, _ := filepath.Glob(filepath.Join(root, "records", "*", "students", a+".yaml"))
	for _, p := range m {
		rel, _ := filepath.Rel(root, p)
		if sem == "" || strings.HasPrefix(filepath.ToSlash(rel), "records/"+string(sem)+"/") {
			out = append(out, filepath.ToSlash(rel))
		}
	}
	if len(out) == 0 {
		return nil, runError{fmt.Sprintf("%s: %s", a, pick(e.lang != i18n.EN, "没有这个学号的个案文件", "no case file for this id"))}
	}
	return out, nil
}

func kindWord(zh bool, k string) string {
	if !zh {
		return k
	}
	return map[string]string{"added": "新增", "removed": "删除", "changed": "修改", "unreadable": "无法读取"}[k]
}

func changeLine(zh bool, c pipeline.FieldChange) string {
	switch {
	case c.Field == "(file)":
		return map[bool]map[string]string{true: {"added": "新建文件", "removed": "删除文件", "unreadable": "这一版无法读取（格式错误）"},
			false: {"added": "file created", "removed": "file deleted", "unreadable": "this version does not read (syntax error)"}}[zh][c.Kind]
	case c.Kind == "changed" && (c.Old != "" || c.New != ""):
		return fmt.Sprintf("%s: %s → %s", c.Field, c.Old, c.New)
	case c.Kind == "added" && c.New != "":
		return fmt.Sprintf("%s %s: %s", c.Field, kindWord(zh, c.Kind), c.New)
	}
	return c.Field + " " + kindWord(zh, c.Kind)
}

// auditRows reads the history of files as of rev in the repository at dir, as field
// changes; with out set it also prints them, case by case.
func auditRows(ctx context.Context, dir, rev string, files []string, zh bool, out io.Writer) ([]workbook.AuditRow, error) {
	var rows []workbook.AuditRow
	for _, f := range files {
		vs, err := gitaudit.HistoryAt(ctx, dir, rev, f)
		if err != nil {
			return nil, err
		}
		if out != nil {
			fmt.Fprintln(out, f)
		}
		var prev map[string]string
		for i, v := range vs {
			flat := store.Flatten(v.Data)
			if out != nil {
				fmt.Fprintf(out, "%s  %s  %s  %s\n", v.Time.Format("2006-01-02 15:04"), v.Author, v.Commit[:8], v.Subject)
			}
			var changes []pipeline.FieldChange
			switch {
			case v.Data == nil:
				changes = []pipeline.FieldChange{{Field: "(file)", Kind: "removed"}}
			case flat == nil:
				changes = []pipeline.FieldChange{{Field: "(file)", Kind: "unreadable"}}
			case i == 0 || prev == nil:
				changes = []pipeline.FieldChange{{Field: "(file)", Kind: "added"}}
			default:
				changes = pipeline.DiffFields(prev, flat)
			}
			if flat != nil {
				prev = flat
			}
			if out != nil && i > 0 && vs[i-1].Path != v.Path {
				fmt.Fprintf(out, "  %s %s → %s\n", pick(zh, "改名", "renamed"), vs[i-1].Path, v.Path)
			}
			for _, c := range changes {
				if out != nil {
					fmt.Fprintln(out, "  "+changeLine(zh, c))
				}
				rows = append(rows, workbook.AuditRow{Time: v.Time.Format("2006-01-02 15:04"), Author: v.Author, Commit: v.Commit[:8],
					Subject: v.Subject, File: v.Path, Field: c.Field, Change: kindWord(zh, c.Kind), Old: c.Old, New: c.New})
			}
		}
	}
	return rows, nil
}

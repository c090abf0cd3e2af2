package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/gxu-fl/bangfu/pipeline"
	"github.com/gxu-fl/bangfu/pipeline/build"
	"github.com/gxu-fl/bangfu/pipeline/bundle"
	"github.com/gxu-fl/bangfu/pipeline/forms"
	"github.com/gxu-fl/bangfu/pipeline/gitaudit"
	"github.com/gxu-fl/bangfu/pipeline/i18n"
	"github.com/gxu-fl/bangfu/pipeline/store"
	"github.com/gxu-fl/bangfu/pipeline/workbook"
)

func init() {
	register(&command{
		name:    "bundle",
		usage:   "[学期] [-o 文件] [--strict] | verify 文件.zip",
		summary: "生成学期归档包（学院归档、各班主任/导师的材料、MANIFEST.txt）；verify 核对归档包是否被改动",
		example: "  bangfu bundle 2025-2026-1\n  bangfu bundle 2025-2026-1 --strict -o 归档.zip   # 还有错误或待办就拒绝\n  bangfu bundle verify 2025-2026-1_外国语学院_学业帮扶材料.zip",
		bind: func(fs *flag.FlagSet) runFunc {
			out := fs.String("o", "", "write the bundle to `FILE` (default output/SEMESTER_COLLEGE_学业帮扶材料.zip)")
			strict := fs.Bool("strict", false, "refuse a term that still has errors or to-dos")
			return func(ctx context.Context, e *env, args []string) error {
				switch {
				case len(args) == 2 && args[0] == "verify":
					return verifyBundle(ctx, e, args[1])
				case len(args) <= 1:
					// No semester: the latest one that has records (as CI bundles the current term).
					sem := pipeline.Semester("")
					if len(args) == 1 {
						var err error
						if sem, err = pipeline.ParseSemester(args[0]); err != nil {
							return badSemester(args[0])
						}
					}
					return writeBundle(ctx, e, sem, *out, *strict)
				}
				return usageError{msg: "bundle SEMESTER [-o FILE] [--strict] | bundle verify FILE.zip"}
			}
		},
	})
}

// termBundle builds the semester through the same pipeline and lists what its bundle
// holds. history, when set, is the git repository whose commits up to rev give the
// term's audit sheet (the records at root are that commit's, or the work tree's).
func termBundle(ctx context.Context, e *env, root string, sem pipeline.Semester, history, rev string) (bundle.Manifest, []bundle.Entry, []pipeline.Finding, error) {
	p := newProject(e, root)
	o := buildOptions{semesters: map[pipeline.Semester]bool{sem: true}, quiet: true}
	rep, findings, err := p.build(ctx, o, nil, nil)
	if err != nil {
		return bundle.Manifest{}, nil, nil, err
	}
	repo := p.repo
	m := bundle.Manifest{Semester: string(sem), College: repo.Config.College, Today: p.today.String(), Version: build.Version}
	if h, err := gitaudit.HeadOf(ctx, root); err == nil {
		m.Commit, m.Clean = h.Commit, h.Clean
	}
	byID := repo.CasesByID(sem)
	out := filepath.Join(root, "output")
	var entries []bundle.Entry
	for _, path := range rep.Outputs {
		rel := strings.TrimPrefix(path, string(sem)+"/")
		name := archivePlace(repo, byID, rel)
		if name == "" {
			continue
		}
		entries = append(entries, bundle.Entry{Name: name, Path: filepath.Join(out, filepath.FromSlash(path))})
	}
	if history != "" && rev != "" {
		// The term's audit (四(二)4: the college archives the term's work): every change
		// to its cases, as of the commit bundled, so the same commit gives the same sheet.
		p, err := auditSheet(ctx, root, sem, history, rev)
		if err != nil {
			return m, nil, nil, err
		}
		entries = append(entries, bundle.Entry{Name: "学院归档/" + auditSheetName, Path: p})
	}
	return m, entries, inSemesters(findings, o.semesters), nil
}

// auditSheetName is the term's audit sheet in the bundle.
const auditSheetName = "学期修改记录.xlsx"

func auditSheet(ctx context.Context, root string, sem pipeline.Semester, history, rev string) (string, error) {
	m, _ := filepath.Glob(filepath.Join(root, "records", string(sem), "students", "*.yaml"))
	var files []string
	for _, p := range m {
		rel, _ := filepath.Rel(root, p)
		files = append(files, filepath.ToSlash(rel))
	}
	rows, err := auditRows(ctx, history, rev, files, true, nil)
	if err != nil {
		return "", err
	}
	p := filepath.Join(root, "output", ".bangfu", string(sem)+"-"+auditSheetName)
	err = build.WriteAtomicFunc(p, func(w io.Writer) error { return workbook.WriteAudit(w, sem.Title()+" 修改记录", rows) })
	return p, err
}

// archivePlace is where an output goes in the bundle (四(二)4, 附件4 注): the college's
// archive, or the folder of the 班主任 or 导师 who keeps it.
func archivePlace(r *pipeline.Repo, byID map[pipeline.StudentID]*pipeline.Case, rel string) string {
	form, rest, _ := strings.Cut(rel, "/")
	switch form {
	case workbook.FileName, forms.Meeting.Folder, forms.Peer.Folder:
		return "学院归档/" + rel
	case forms.Interview.Folder, forms.Plan.Folder:
		id, _, _ := strings.Cut(filepath.Base(rest), "_")
		c := byID[pipeline.StudentID(id)]
		if c == nil {
			return ""
		}
		k := r.InterviewKeeper(c)
		if form == forms.Plan.Folder {
			k = r.PlanKeeper(c)
		}
		return string(k.Role) + "/" + build.SafeName(k.Name) + "/" + rel
	}
	return ""
}

func writeBundle(ctx context.Context, e *env, sem pipeline.Semester, dest string, strict bool) error {
	root, err := e.root()
	if err != nil {
		return err
	}
	if sem == "" {
		repo, _, err := store.Load(root)
		if err != nil {
			return err
		}
		sems := repo.Semesters()
		if len(sems) == 0 {
			return runError{"no records yet"}
		}
		sem = sems[len(sems)-1]
	}
	rev := ""
	if h, err := gitaudit.HeadOf(ctx, root); err == nil {
		rev = h.Commit
	}
	m, entries, findings, err := termBundle(ctx, e, root, sem, root, rev)
	if err != nil {
		return err
	}
	errs, todos := 0, 0
	for _, f := range findings {
		if f.Severity == pipeline.Error {
			errs++
		} else {
			todos++
		}
	}
	if errs > 0 || (strict && todos > 0) {
		for _, f := range findings {
			if f.Severity == pipeline.Error || strict {
				fmt.Fprintln(e.stderr, i18n.Finding(e.lang, f))
			}
		}
		if errs > 0 && !strict {
			fmt.Fprintln(e.stderr, pick(e.lang != i18n.EN, "这些记录有错误，未放入归档包；改正后重新生成。", "these records have errors and are not in the bundle; fix them and bundle again."))
		}
		if strict {
			fmt.Fprintln(e.stderr, pick(e.lang != i18n.EN, "--strict：本学期还有错误或待办，不生成归档包。", "--strict: the term still has errors or to-dos; no bundle written."))
			return findingsError{errs, todos}
		}
	}
	if dest == "" {
		dest = filepath.Join(root, "output", bundle.Folder(m.Semester, m.College)+".zip")
	}
	if err := build.WriteAtomicFunc(dest, func(w io.Writer) error { return bundle.Write(w, m, entries) }); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s\n", dest)
	fmt.Fprintf(e.stdout, pick(e.lang != i18n.EN, "共 %d 个文件；提交 %s%s\n", "%d files; commit %s%s\n"), len(entries), shortCommit(m.Commit), cleanNote(e.lang, m))
	if errs > 0 {
		return findingsError{errs, todos}
	}
	return nil
}

func shortCommit(c string) string {
	if len(c) > 12 {
		return c[:12]
	}
	if c == "" {
		return "(none)"
	}
	return c
}

func cleanNote(lang i18n.Lang, m bundle.Manifest) string {
	if m.Commit == "" || m.Clean {
		return ""
	}
	return pick(lang != i18n.EN, "（工作区有未提交的修改）", " (the work tree had uncommitted changes)")
}

// verifyBundle checks a bundle against its manifest and, inside the repository,
// against what the commit it names builds.
func verifyBundle(ctx context.Context, e *env, file string) error {
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	m, problems, err := bundle.Verify(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return runError{fmt.Sprintf("%s: %v", file, err)}
	}
	report := func(ps []bundle.Problem, against string) {
		for _, p := range ps {
			fmt.Fprintf(e.stdout, "%s: %s (%s)\n", p.What, p.Name, against)
		}
	}
	report(problems, "manifest")
	bad := len(problems)
	checked := pick(e.lang != i18n.EN, "已核对清单", "checked against the manifest")
	if root, rerr := e.root(); rerr == nil && m.Commit != "" {
		ps, err := againstCommit(ctx, e, root, m)
		switch {
		case errors.Is(err, gitaudit.ErrNotRepo):
		case err != nil:
			return runError{err.Error()}
		default:
			report(ps, "commit "+shortCommit(m.Commit))
			bad += len(ps)
			checked += pick(e.lang != i18n.EN, "和提交 ", " and commit ") + shortCommit(m.Commit)
		}
	}
	if bad > 0 {
		fmt.Fprintf(e.stdout, pick(e.lang != i18n.EN, "%s：%d 处不符\n", "%s: %d differences\n"), file, bad)
		return findingsError{errors: bad}
	}
	fmt.Fprintf(e.stdout, pick(e.lang != i18n.EN, "%s：%d 个文件完好（%s）\n", "%s: %d files intact (%s)\n"), file, len(m.Files), checked)
	return nil
}

// againstCommit builds the named commit afresh (from git archive, judged on the same
// day) and compares its files with the manifest's.
func againstCommit(ctx context.Context, e *env, root string, m bundle.Manifest) ([]bundle.Problem, error) {
	if _, err := gitaudit.HeadOf(ctx, root); err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "bangfu-verify-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	if err := gitaudit.Extract(ctx, root, m.Commit, tmp); err != nil {
		return nil, err
	}
	sub := *e
	sub.dir, sub.today = tmp, m.Today
	sem, _ := pipeline.ParseSemester(m.Semester)
	_, entries, _, err := termBundle(ctx, &sub, tmp, sem, root, m.Commit)
	if err != nil {
		return nil, err
	}
	got := map[string]string{}
	for _, en := range entries {
		got[en.Name] = bundle.HashFile(en.Path)
	}
	return bundle.Compare(m.Files, got), nil
}

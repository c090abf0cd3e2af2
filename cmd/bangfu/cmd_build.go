package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/gxu-fl/bangfu/pipeline"
	"github.com/gxu-fl/bangfu/pipeline/build"
	"github.com/gxu-fl/bangfu/pipeline/forms"
	"github.com/gxu-fl/bangfu/pipeline/i18n"
	"github.com/gxu-fl/bangfu/pipeline/pdf"
	"github.com/gxu-fl/bangfu/pipeline/store"
	"github.com/gxu-fl/bangfu/templates"
)

func init() {
	register(&command{
		name:    "build",
		usage:   "[学期...] [--pdf] [--quiet] [--json]",
		summary: "生成附件1-4（Word）和汇总表到 output/：只重新生成有变化的文件；有错误的记录跳过并保留其上次的文件",
		example: "  bangfu build\n  bangfu build 2025-2026-1 --pdf    # 同时转成 PDF（需要安装 LibreOffice）",
		bind: func(fs *flag.FlagSet) runFunc {
			var o buildOptions
			fs.BoolVar(&o.pdf, "pdf", false, "also write each form as PDF through LibreOffice")
			fs.BoolVar(&o.quiet, "quiet", false, "print only errors")
			fs.BoolVar(&o.json, "json", false, "print the build report as JSON")
			return func(ctx context.Context, e *env, args []string) error {
				sems, err := parseSemesters(args)
				if err != nil {
					return err
				}
				o.semesters = sems
				return runBuild(ctx, e, o)
			}
		},
	})
}

type buildOptions struct {
	semesters        map[pipeline.Semester]bool
	pdf, quiet, json bool
}

// runBuild validates, prints the errors, builds what can be built, and reports.
func runBuild(ctx context.Context, e *env, o buildOptions) error {
	root, err := e.root()
	if err != nil {
		return err
	}
	p := newProject(e, root)
	progress := newProgress(e, o)
	rep, findings, err := p.build(ctx, o, nil, progress.update)
	progress.done()
	if err != nil {
		return err
	}
	errs := 0
	for _, f := range inSemesters(findings, o.semesters) {
		if f.Severity == pipeline.Error {
			errs++
			if !o.json {
				fmt.Fprintln(e.stderr, i18n.Finding(e.lang, f))
			}
		}
	}
	for _, te := range rep.TemplateErrors {
		fmt.Fprintln(e.stderr, te)
	}
	if o.pdf {
		if err := toPDF(ctx, filepath.Join(root, "output"), rep); err != nil {
			return err
		}
	}
	switch {
	case o.json:
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rep); err != nil {
			return err
		}
	case !o.quiet:
		fmt.Fprintln(e.stdout, buildSummary(e.lang, rep))
	}
	if errs > 0 || len(rep.TemplateErrors) > 0 {
		return findingsError{errors: errs + len(rep.TemplateErrors)}
	}
	return nil
}

// project is a records repository built once (build) or again and again (watch):
// its records stay loaded, and only files whose bytes changed are parsed again.
type project struct {
	e         *env
	root      string
	cache     *store.Cache
	workbooks *build.Workbooks // each workbook's sheets, kept between builds
	repo      *pipeline.Repo   // as last loaded
	today     pipeline.Date    // the day that load judged to-dos on
}

func newProject(e *env, root string) *project {
	return &project{e: e, root: root, cache: store.NewCache(root), workbooks: &build.Workbooks{}}
}

// load reads what changed and applies the seed's rules on the day judged "today".
// changed names the files that may have changed (watch); nil means look at them all.
func (p *project) load(ctx context.Context, changed []string) (*pipeline.Repo, []pipeline.Finding, pipeline.Date, error) {
	load := p.cache.Load
	if changed != nil {
		load = func() (*pipeline.Repo, []pipeline.Finding, int, error) { return p.cache.LoadChanged(changed) }
	}
	repo, findings, _, err := load()
	if err != nil {
		return nil, nil, pipeline.Date{}, runError{i18n.T(p.e.lang, pipeline.CodeNoConfig)}
	}
	today, err := p.e.todayIn(ctx, p.root)
	if err != nil {
		return nil, nil, today, err
	}
	findings = append(findings, pipeline.Check(repo, today)...)
	pipeline.SortFindings(findings)
	p.repo, p.today = repo, today
	return repo, findings, today, nil
}

// build loads what changed, applies the rules and builds; findings are every finding.
func (p *project) build(ctx context.Context, o buildOptions, changed []string, progress func(done, total int)) (*build.Report, []pipeline.Finding, error) {
	repo, findings, today, err := p.load(ctx, changed)
	if err != nil {
		return nil, nil, err
	}
	accounts, afs := store.LoadAccounts(p.root)
	findings = append(findings, afs...)
	pipeline.SortFindings(findings)
	tpls, err := loadTemplates(p.root)
	if err != nil {
		return nil, nil, err
	}
	rep, err := build.Build(ctx, repo, findings, build.Options{
		Out:       filepath.Join(p.root, "output"),
		Semesters: o.semesters,
		Templates: tpls,
		Accounts:  accounts,
		Workbooks: p.workbooks,
		Today:     today,
		Progress:  progress,
	})
	return rep, findings, err
}

func buildSummary(lang i18n.Lang, r *build.Report) string {
	secs := r.Duration.Seconds()
	if lang == i18n.EN {
		s := fmt.Sprintf("built %d, unchanged %d, removed %d, skipped %d records with errors", len(r.Built), r.Unchanged, len(r.Removed), len(r.Skipped))
		if len(r.Kept) > 0 {
			s += fmt.Sprintf(" (their last good %d documents kept)", len(r.Kept))
		}
		return s + fmt.Sprintf(", %.2f s", secs)
	}
	s := fmt.Sprintf("生成 %d 份，未变 %d 份，删除 %d 份，跳过有错误的记录 %d 个", len(r.Built), r.Unchanged, len(r.Removed), len(r.Skipped))
	if len(r.Kept) > 0 {
		s += fmt.Sprintf("（保留其上次生成的文件 %d 份）", len(r.Kept))
	}
	return s + fmt.Sprintf("，用时 %.2f 秒", secs)
}

// loadTemplates is the built-in forms, each replaced by a same-named .docx in the
// repository's templates/ folder when there is one.
func loadTemplates(root string) (map[string][]byte, error) {
	out := map[string][]byte{}
	for _, f := range forms.All {
		b, err := fs.ReadFile(templates.FS, f.Template)
		if err != nil {
			return nil, err
		}
		custom := filepath.Join(root, "templates", f.Template)
		if c, err := os.ReadFile(custom); err == nil {
			b = c
		}
		out[f.Template] = b
	}
	return out, nil
}

// toPDF converts the documents this build wrote with one LibreOffice run per folder.
func toPDF(ctx context.Context, out string, rep *build.Report) error {
	var docs []string
	for _, p := range rep.Built {
		if strings.HasSuffix(p, ".docx") {
			docs = append(docs, filepath.Join(out, filepath.FromSlash(p)))
		}
	}
	return pdf.Convert(ctx, docs)
}

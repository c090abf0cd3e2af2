package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/gxu-fl/bangfu/pipeline"
	"github.com/gxu-fl/bangfu/pipeline/build"
	"github.com/gxu-fl/bangfu/pipeline/i18n"
	"github.com/gxu-fl/bangfu/pipeline/watch"
)

func init() {
	register(&command{
		name:    "watch",
		usage:   "[学期...] [--quiet]",
		summary: "先生成一次，然后监视 records/、bangfu.yaml 和 templates/：每次保存都重新生成受影响的文件；按 Ctrl-C 结束",
		example: "  bangfu watch\n  bangfu watch 2025-2026-1",
		bind: func(fs *flag.FlagSet) runFunc {
			var o buildOptions
			fs.BoolVar(&o.quiet, "quiet", false, "print only errors")
			quiet := fs.Duration("settle", 50*time.Millisecond, "how long the files must be still before a rebuild")
			return func(ctx context.Context, e *env, args []string) error {
				sems, err := parseSemesters(args)
				if err != nil {
					return err
				}
				o.semesters = sems
				return runWatch(ctx, e, o, *quiet, nil)
			}
		},
	})
}

// runWatch builds once, then once per batch of changes until ctx ends (Ctrl-C). A
// record with errors never stops it: the errors are printed and the last good
// documents stay. ready, when set, is closed once the watch is in place (tests).
func runWatch(ctx context.Context, e *env, o buildOptions, settle time.Duration, ready chan struct{}) error {
	root, err := e.root()
	if err != nil {
		return err
	}
	p := newProject(e, root)
	rebuild := func(changed []string) {
		start := time.Now()
		rep, findings, err := p.build(ctx, o, changed, nil)
		if ctx.Err() != nil {
			return
		}
		stamp := time.Now().Format("15:04:05")
		if err != nil {
			fmt.Fprintf(e.stdout, "[%s] %v\n", stamp, err)
			return
		}
		errs := 0
		for _, f := range inSemesters(findings, o.semesters) {
			if f.Severity == pipeline.Error {
				errs++
			}
		}
		if !o.quiet || errs > 0 || len(rep.TemplateErrors) > 0 {
			fmt.Fprintf(e.stdout, "[%s] %s\n", stamp, watchLine(e.lang, changed, rep, errs, time.Since(start)))
		}
		for _, f := range inSemesters(findings, o.semesters) {
			if f.Severity == pipeline.Error {
				fmt.Fprintln(e.stdout, "  "+i18n.Finding(e.lang, f))
			}
		}
		for _, te := range rep.TemplateErrors {
			fmt.Fprintln(e.stdout, "  "+te)
		}
	}
	rebuild(nil)
	if !o.quiet {
		if e.lang == i18n.EN {
			fmt.Fprintln(e.stdout, "watching records/, bangfu.yaml and templates/ — Ctrl-C to stop")
		} else {
			fmt.Fprintln(e.stdout, "正在监视 records/、bangfu.yaml 和 templates/，按 Ctrl-C 结束")
		}
	}
	return watch.Run(ctx, watch.Options{
		Root:    root,
		Quiet:   settle,
		Ready:   ready,
		OnBatch: func(ctx context.Context, changed []string) { rebuild(changed) },
		OnError: func(err error) { fmt.Fprintf(e.stderr, "watch: %v\n", err) },
	})
}

// watchLine is one rebuild in one line: what changed, what was regenerated, errors.
func watchLine(lang i18n.Lang, changed []string, r *build.Report, errs int, took time.Duration) string {
	what := ""
	switch {
	case len(changed) == 0:
	case len(changed) == 1 && changed[0] == "*":
		what = pick(lang != i18n.EN, "大量变更", "many changes")
	case len(changed) == 1:
		what = changed[0]
	default:
		what = fmt.Sprintf(pick(lang != i18n.EN, "%s 等 %d 个文件", "%s and %d more"), changed[0], len(changed)-map[i18n.Lang]int{i18n.ZH: 0, i18n.EN: 1}[lang])
	}
	var b strings.Builder
	if what != "" {
		b.WriteString(what)
		b.WriteString(" → ")
	}
	if lang == i18n.EN {
		fmt.Fprintf(&b, "regenerated %d, removed %d, kept %d of records with errors; %d errors (%d ms)", len(r.Built), len(r.Removed), len(r.Kept), errs, took.Milliseconds())
	} else {
		fmt.Fprintf(&b, "重新生成 %d 份，删除 %d 份，保留有错误记录的文件 %d 份；错误 %d 条（%d 毫秒）", len(r.Built), len(r.Removed), len(r.Kept), errs, took.Milliseconds())
	}
	return b.String()
}

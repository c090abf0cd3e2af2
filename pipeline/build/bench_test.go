package build_test

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"github.com/gxu-fl/bangfu/pipeline"
	"github.com/gxu-fl/bangfu/pipeline/build"
	"github.com/gxu-fl/bangfu/pipeline/forms"
	"github.com/gxu-fl/bangfu/pipeline/store"
	"github.com/gxu-fl/bangfu/pipeline/synth"
	"github.com/gxu-fl/bangfu/templates"
)

var (
	once     sync.Once
	repoDir  string
	repo     *pipeline.Repo
	findings []pipeline.Finding
)

// load5000 generates, loads and checks the 5,000-case repository once per test binary.
func load5000(b *testing.B) {
	once.Do(func() {
		dir, err := os.MkdirTemp("", "bangfu-build-bench-")
		if err != nil {
			b.Fatal(err)
		}
		if err := synth.Write(dir, 5000); err != nil {
			b.Fatal(err)
		}
		repoDir = dir
		repo, findings, err = store.Load(dir)
		if err != nil {
			b.Fatal(err)
		}
		findings = append(findings, pipeline.Check(repo, pipeline.NewDate(2025, 11, 1))...)
	})
}

func builtins(b *testing.B) map[string][]byte {
	m := map[string][]byte{}
	for _, f := range forms.All {
		data, err := fs.ReadFile(templates.FS, f.Template)
		if err != nil {
			b.Fatal(err)
		}
		m[f.Template] = data
	}
	return m
}

// BenchmarkFullBuild5000 renders every form of 5,000 cases into an empty output/
// (target: under 10 s). It reports the cost per document.
func BenchmarkFullBuild5000(b *testing.B) {
	load5000(b)
	tpls := builtins(b)
	docs := 0
	for b.Loop() {
		b.StopTimer()
		out := filepath.Join(repoDir, "output")
		os.RemoveAll(out)
		b.StartTimer()
		rep, err := build.Build(context.Background(), repo, findings, build.Options{Out: out, Templates: tpls})
		if err != nil {
			b.Fatal(err)
		}
		docs = len(rep.Built)
	}
	b.ReportMetric(float64(docs), "docs")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(docs), "ns/doc")
}

// BenchmarkNoChangeBuild5000 is a build when nothing changed (target: under 0.5 s).
func BenchmarkNoChangeBuild5000(b *testing.B) {
	load5000(b)
	tpls := builtins(b)
	out := filepath.Join(repoDir, "output")
	if _, err := build.Build(context.Background(), repo, findings, build.Options{Out: out, Templates: tpls}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for b.Loop() {
		rep, err := build.Build(context.Background(), repo, findings, build.Options{Out: out, Templates: tpls})
		if err != nil || len(rep.Built) != 0 {
			b.Fatal(err, len(rep.Built))
		}
	}
}

// BenchmarkFloor5000 writes the same documents as the full build with the least work
// any writer must do — every template part copied raw, each body deflated, written
// atomically — so the full build's ns/doc can be read against this one's.
func BenchmarkFloor5000(b *testing.B) {
	load5000(b)
	tpls := builtins(b)
	out := filepath.Join(repoDir, "output-floor")
	outs := build.PlanForFloor(repo, tpls)
	for b.Loop() {
		b.StopTimer()
		os.RemoveAll(out)
		b.StartTimer()
		if err := build.WriteFloor(context.Background(), out, outs); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(outs)), "docs")
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(outs)), "ns/doc")
}

package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gxu-fl/bangfu/pipeline/synth"
)

// BenchmarkWatchSave5000: on the generated 5,000-case repository, the time from a
// case file's save (its rename into place) until its documents and the semester's
// workbook have been renamed into place, as bangfu watch does it (target: 300 ms).
func BenchmarkWatchSave5000(b *testing.B) {
	dir := b.TempDir()
	if err := synth.Write(dir, 5000); err != nil {
		b.Fatal(err)
	}
	out := &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ready := make(chan struct{})
	e := &env{dir: dir, lang: "zh", today: "2025-11-01", stdin: strings.NewReader(""), stdout: out, stderr: out}
	go runWatch(ctx, e, buildOptions{}, 50*time.Millisecond, ready)
	<-ready
	recs, _ := filepath.Glob(filepath.Join(dir, "records", synth.Semester, "students", "*.yaml"))
	wb := filepath.Join(dir, "output", synth.Semester, "学业警示处理结果汇总表.xlsx")
	stamp := func(p string) time.Time {
		fi, err := os.Stat(p)
		if err != nil {
			return time.Time{}
		}
		return fi.ModTime()
	}
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		rec := recs[i%len(recs)]
		data, _ := os.ReadFile(rec)
		data = append(bytes.TrimRight(data, "\n"), []byte(fmt.Sprintf("\n# 第 %d 次保存\n", i))...)
		before := stamp(wb)
		tmp := rec + ".tmp-save"
		os.WriteFile(tmp, data, 0o644)
		os.Rename(tmp, rec)
		for stamp(wb).Equal(before) {
			time.Sleep(time.Millisecond)
		}
	}
	b.StopTimer()
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	b.Logf("last rebuild: %s", lines[len(lines)-1])
	b.ReportMetric(float64(b.Elapsed().Milliseconds())/float64(b.N), "ms/save")
}

package main

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a bytes.Buffer safe for the watch goroutine and the test to share.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// waitFor polls cond with a generous deadline: the assertion is the condition, never a sleep.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		if cond() {
			return
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", what)
}

// startWatch runs bangfu watch on dir until the test ends; it returns its output.
func startWatch(t *testing.T, dir string) *syncBuffer {
	t.Helper()
	out := &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan struct{})
	done := make(chan error, 1)
	e := &env{dir: dir, lang: "zh", today: "2026-11-20", stdin: strings.NewReader(""), stdout: out, stderr: out}
	// A settle window wider than the default: on a loaded CI machine a burst of writes
	// may pause longer than 50 ms, and the test asserts one rebuild per burst.
	go func() { done <- runWatch(ctx, e, buildOptions{}, 300*time.Millisecond, ready) }()
	select {
	case <-ready:
	case err := <-done:
		t.Fatalf("watch ended: %v\n%s", err, out)
	case <-time.After(30 * time.Second):
		t.Fatal("watch did not start")
	}
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("watch ended with %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Error("watch did not stop on cancel (Ctrl-C)")
		}
	})
	return out
}

func rebuilds(s string) int { return strings.Count(s, " → ") }

func fileHas(p, want string) func() bool {
	return func() bool {
		b, err := os.ReadFile(p)
		if err != nil {
			return false
		}
		return strings.Contains(string(readBody(b)), want)
	}
}

// readBody is a .docx's body text, or nil.
func readBody(docx []byte) []byte {
	zr, err := zipReader(docx)
	if err != nil {
		return nil
	}
	return zr
}

func TestWatch(t *testing.T) {
	dir := copyDemo(t)
	out := startWatch(t, dir)
	recs := filepath.Join(dir, "records", "2026-2027-1", "students")
	plan := filepath.Join(dir, "output", "2026-2027-1", "附件4_学习计划表", "英语2501", "2025010111_莫晓燕.docx")
	waitFor(t, "the first build", fileHas(plan, "补考前每天做一章习题"))

	edit := func(name, old, new string) []byte {
		b, err := os.ReadFile(filepath.Join(recs, name))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Contains(b, []byte(old)) {
			t.Fatalf("%s lacks %q", name, old)
		}
		return bytes.Replace(b, []byte(old), []byte(new), 1)
	}

	t.Run("plain write", func(t *testing.T) {
		b := edit("2025010111.yaml", "补考前每天做一章习题", "补考前每天做两章习题")
		f, err := os.OpenFile(filepath.Join(recs, "2025010111.yaml"), os.O_WRONLY|os.O_TRUNC, 0o644)
		if err != nil {
			t.Fatal(err)
		}
		f.Write(b)
		f.Close()
		waitFor(t, "the plan after a plain write", fileHas(plan, "补考前每天做两章习题"))
	})

	t.Run("vim save", func(t *testing.T) {
		// vim: probe file 4913, original renamed to name~, new file written, backup removed.
		p := filepath.Join(recs, "2025010111.yaml")
		b := edit("2025010111.yaml", "补考前每天做两章习题", "补考前每天做三章习题")
		os.WriteFile(filepath.Join(recs, "4913"), nil, 0o644)
		os.Remove(filepath.Join(recs, "4913"))
		os.Rename(p, p+"~")
		os.WriteFile(filepath.Join(recs, ".2025010111.yaml.swp"), []byte("swap"), 0o644)
		os.WriteFile(p, b, 0o644)
		os.Remove(p + "~")
		waitFor(t, "the plan after a vim save", fileHas(plan, "补考前每天做三章习题"))
		os.Remove(filepath.Join(recs, ".2025010111.yaml.swp"))
	})

	t.Run("safe write by rename", func(t *testing.T) {
		// VS Code and many editors: write a temporary file, rename it over the record.
		b := edit("2025010111.yaml", "补考前每天做三章习题", "补考前每天做四章习题")
		tmp := filepath.Join(recs, ".2025010111.yaml.tmp-vscode")
		os.WriteFile(tmp, b, 0o644)
		os.Rename(tmp, filepath.Join(recs, "2025010111.yaml"))
		waitFor(t, "the plan after a rename save", fileHas(plan, "补考前每天做四章习题"))
	})

	t.Run("invalid then fixed", func(t *testing.T) {
		before, _ := os.ReadFile(plan)
		good, _ := os.ReadFile(filepath.Join(recs, "2025010111.yaml"))
		os.WriteFile(filepath.Join(recs, "2025010111.yaml"), edit("2025010111.yaml", "level: 学业警示", "level: 学业"), 0o644)
		waitFor(t, "the error to be printed", func() bool {
			return strings.Contains(out.String(), "2025010111.yaml:") && strings.Contains(out.String(), "“学业”不是可选的值")
		})
		if after, _ := os.ReadFile(plan); !bytes.Equal(before, after) {
			t.Error("the last good document changed while the record was invalid")
		}
		os.WriteFile(filepath.Join(recs, "2025010111.yaml"), bytes.Replace(good, []byte("补考前每天做四章习题"), []byte("补考前每天做五章习题"), 1), 0o644)
		waitFor(t, "the plan after the fix", fileHas(plan, "补考前每天做五章习题"))
	})

	t.Run("new semester folder", func(t *testing.T) {
		d := filepath.Join(dir, "records", "2027-2028-1", "students")
		os.MkdirAll(d, 0o755)
		os.WriteFile(filepath.Join(d, "2025010103.yaml"), []byte("semester: 2027-2028-1\nstudent: {id: \"2025010103\", name: 张晓明, class: 英语2501}\nwarning: {level: 退学试读}\nstudy_plan:\n  plan: 新学期的计划\n"), 0o644)
		p := filepath.Join(dir, "output", "2027-2028-1", "附件4_学习计划表", "英语2501", "2025010103_张晓明.docx")
		waitFor(t, "a new semester's document", fileHas(p, "新学期的计划"))
		// A file added later to the new folder is seen too: the folder is watched.
		os.WriteFile(filepath.Join(d, "2025010111.yaml"), []byte("semester: 2027-2028-1\nstudent: {id: \"2025010111\", name: 莫晓燕, class: 英语2501}\nwarning: {level: 学业警示}\n"), 0o644)
		waitFor(t, "a second file in the new folder", func() bool {
			_, err := os.Stat(filepath.Join(dir, "output", "2027-2028-1", "附件4_学习计划表", "英语2501", "2025010111_莫晓燕.docx"))
			return err == nil
		})
	})

	t.Run("roster change", func(t *testing.T) {
		// A new head teacher's name reaches every form that shows the roster.
		cfg := filepath.Join(dir, "bangfu.yaml")
		b, _ := os.ReadFile(cfg)
		os.WriteFile(cfg, bytes.Replace(b, []byte("head_teacher: 王芳"), []byte("head_teacher: 王芳芳"), 1), 0o644)
		waitFor(t, "the plan's reviewer role after a roster change", func() bool {
			body, _ := zipReader(mustRead(plan))
			return bytes.Contains(body, []byte("2026 年 9 月 30 日")) && !bytes.Contains(body, []byte("王芳（班主任）"))
		})
	})

	t.Run("300 files at once", func(t *testing.T) {
		waitFor(t, "quiet", func() bool {
			n := rebuilds(out.String())
			time.Sleep(400 * time.Millisecond)
			return n == rebuilds(out.String())
		})
		n := rebuilds(out.String())
		d := filepath.Join(dir, "records", "2027-2028-1", "students")
		for i := 0; i < 300; i++ {
			id := fmt.Sprintf("2025%06d", 900000+i)
			os.WriteFile(filepath.Join(d, id+".yaml"), []byte(fmt.Sprintf("semester: 2027-2028-1\nstudent: {id: \"%s\", name: 学生%d, class: 英语2502}\nwarning: {level: 学业警示}\n", id, i)), 0o644)
		}
		waitFor(t, "300 new cases' plans", func() bool {
			m, _ := filepath.Glob(filepath.Join(dir, "output", "2027-2028-1", "附件4_学习计划表", "英语2502", "*.docx"))
			return len(m) == 300
		})
		time.Sleep(500 * time.Millisecond) // let any straggling batch show itself
		if got := rebuilds(out.String()) - n; got != 1 {
			t.Errorf("300 files gave %d rebuilds, want 1:\n%s", got, out.String())
		}
	})

	t.Run("debris and output are ignored", func(t *testing.T) {
		n := rebuilds(out.String())
		os.WriteFile(filepath.Join(recs, "#2025010111.yaml#"), []byte("x"), 0o644)
		os.WriteFile(filepath.Join(recs, "2025010111.yaml~"), []byte("x"), 0o644)
		os.WriteFile(filepath.Join(dir, "output", "note.txt"), []byte("x"), 0o644)
		time.Sleep(600 * time.Millisecond)
		if got := rebuilds(out.String()) - n; got != 0 {
			t.Errorf("debris caused %d rebuilds", got)
		}
	})

	if strings.Contains(out.String(), "panic") {
		t.Errorf("output mentions a panic:\n%s", out.String())
	}
}

// zipReader returns the document.xml of a .docx held in memory.
func zipReader(b []byte) ([]byte, error) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, err := f.Open()
			if err != nil {
				return nil, err
			}
			defer rc.Close()
			return io.ReadAll(rc)
		}
	}
	return nil, fmt.Errorf("no body")
}

func mustRead(p string) []byte { b, _ := os.ReadFile(p); return b }

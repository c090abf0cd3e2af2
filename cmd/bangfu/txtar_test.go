package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata")

// baseConfig is the roster of every fixture that does not bring its own bangfu.yaml.
const baseConfig = `university: 广西大学
college: 外国语学院
classes:
  英语2301: {major: 英语, grade: 2023, head_teacher: 王芳, counselor: 刘洋}
  日语2201: {major: 日语, grade: 2022, head_teacher: 陈静, counselor: 刘洋}
advisors: [黄敏, 周磊]
deadlines:
  2025-2026-1: {notify: 2025-09-30, interviews: 2025-10-20, plan: 2025-11-10}
`

// extract writes an archive's files (all but the expected-output sections) into a new folder.
func extract(t *testing.T, ar *txtar.Archive) string {
	t.Helper()
	dir := t.TempDir()
	hasConfig := false
	for _, f := range ar.Files {
		if isExpectation(f.Name) {
			continue
		}
		if f.Name == "bangfu.yaml" {
			hasConfig = true
		}
		p := filepath.Join(dir, filepath.FromSlash(f.Name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, f.Data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if !hasConfig && !strings.Contains(string(ar.Comment), "no-config") {
		if err := os.WriteFile(filepath.Join(dir, "bangfu.yaml"), []byte(baseConfig), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func isExpectation(name string) bool { return name == "stdout" || name == "stderr" || name == "exit" }

// TestScripts runs each testdata/scripts/*.txtar: the archive is a records repository,
// its comment's first line the bangfu command, and its stdout and exit sections the
// exact expected result. go test -run TestScripts -update rewrites them.
func TestScripts(t *testing.T) {
	files, _ := filepath.Glob("testdata/scripts/*.txtar")
	if len(files) == 0 {
		t.Fatal("no scripts")
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			ar, err := txtar.ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			dir := extract(t, ar)
			line, _, _ := strings.Cut(strings.TrimSpace(string(ar.Comment)), "\n")
			args := strings.Fields(line)
			var stdout, stderr bytes.Buffer
			err = Run(context.Background(), append([]string{"-C", dir}, args...), strings.NewReader(""), &stdout, &stderr)
			code := exitCode(err, &stderr)
			got := map[string]string{
				"stdout": strings.ReplaceAll(stdout.String(), dir, "$DIR"),
				"exit":   fmt.Sprintf("%d\n", code),
			}
			if stderr.Len() > 0 {
				got["stderr"] = strings.ReplaceAll(stderr.String(), dir, "$DIR")
			}
			if *update {
				var kept []txtar.File
				for _, f := range ar.Files {
					if !isExpectation(f.Name) {
						kept = append(kept, f)
					}
				}
				for _, k := range []string{"stdout", "stderr", "exit"} {
					if v, ok := got[k]; ok {
						kept = append(kept, txtar.File{Name: k, Data: []byte(v)})
					}
				}
				ar.Files = kept
				if err := os.WriteFile(file, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want := map[string]string{}
			for _, f := range ar.Files {
				if isExpectation(f.Name) {
					want[f.Name] = string(f.Data)
				}
			}
			for _, k := range []string{"stdout", "stderr", "exit"} {
				if got[k] != want[k] {
					t.Errorf("%s differs\n--- got\n%s--- want\n%s", k, got[k], want[k])
				}
			}
		})
	}
}

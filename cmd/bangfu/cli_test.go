package main

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// run calls Run as main would and returns what it printed and the exit status.
func run(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	err := Run(context.Background(), args, strings.NewReader(""), &out, &errb)
	code = exitCode(err, &errb)
	return out.String(), errb.String(), code
}

// TestDemo: the demo college validates with exactly the to-dos it is meant to have
// (testdata/demo-validate.golden; -update rewrites it).
func TestDemo(t *testing.T) {
	for _, lang := range []string{"zh", "en"} {
		t.Run(lang, func(t *testing.T) {
			out, errs, code := run(t, "-C", "../..", "validate", "--today", "2026-11-20", "--lang", lang)
			if code != 0 || errs != "" {
				t.Fatalf("exit %d: %s", code, errs)
			}
			golden := filepath.Join("testdata", "demo-validate."+lang+".golden")
			if *update {
				if err := os.WriteFile(golden, []byte(out), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if out != string(want) {
				t.Errorf("demo findings changed:\n%s\nwant:\n%s", out, want)
			}
		})
	}
}

func TestExitCodes(t *testing.T) {
	tests := []struct {
		name string
		args []string
		want int
	}{
		{"help", []string{"help"}, 0},
		{"help command", []string{"help", "validate"}, 0},
		{"no command", nil, 2},
		{"unknown command", []string{"frobnicate"}, 2},
		{"unknown flag", []string{"validate", "--frob"}, 2},
		{"bad lang", []string{"-C", "../..", "validate", "--lang", "fr"}, 2},
		{"bad today", []string{"-C", "../..", "validate", "--today", "tomorrow"}, 2},
		{"demo has only to-dos", []string{"-C", "../..", "validate", "--today", "2026-11-20"}, 0},
		{"demo strict", []string{"-C", "../..", "validate", "--strict", "--today", "2026-11-20"}, 1},
		{"demo finished semester passes strict", []string{"-C", "../..", "validate", "2025-2026-2", "--strict", "--today", "2026-05-01"}, 0},
		{"demo finished semester unevaluated", []string{"-C", "../..", "validate", "2025-2026-2", "--strict", "--today", "2026-11-20"}, 1},
		{"no repository", []string{"-C", t.TempDir(), "validate"}, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if _, errs, code := run(t, tt.args...); code != tt.want {
				t.Errorf("exit %d, want %d (%s)", code, tt.want, errs)
			}
		})
	}
}

// TestInitNew: init makes a repository that validates; new writes a case that
// validates with only to-dos, and never overwrites one.
func TestInitNew(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "repo")
	if _, errs, code := run(t, "init", dir); code != 0 {
		t.Fatalf("init: %d %s", code, errs)
	}
	for _, f := range []string{"bangfu.yaml", ".gitignore", "schema/case.schema.json", "docs/使用指南.md", "docs/images/帮扶进度.png",
		"docs/images/附件3_谈话记录表.png", ".vscode/settings.json", ".gitlab-ci.yml", ".github/workflows/bangfu.yml"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err != nil {
			t.Errorf("init did not write %s", f)
		}
	}
	if _, errs, code := run(t, "-C", dir, "validate"); code != 0 {
		t.Fatalf("fresh repository: %d %s", code, errs)
	}
	// A second init keeps what is there.
	cfg := filepath.Join(dir, "bangfu.yaml")
	os.WriteFile(cfg, []byte("college: 改过的\nclasses:\n  英语2501: {major: 英语, grade: 2025, head_teacher: 王芳, counselor: 刘洋}\n"), 0o644)
	if out, _, code := run(t, "init", dir); code != 0 || !strings.Contains(out, "已存在") {
		t.Fatalf("second init: %d %s", code, out)
	}
	if b, _ := os.ReadFile(cfg); !strings.Contains(string(b), "改过的") {
		t.Fatal("init overwrote bangfu.yaml")
	}

	if _, errs, code := run(t, "-C", dir, "new", "2025-2026-1", "2025010101", "--name", "张三", "--class", "英语2501", "--level", "跟班试读"); code != 0 {
		t.Fatalf("new: %d %s", code, errs)
	}
	out, errs, code := run(t, "-C", dir, "validate", "--today", "2025-09-10")
	if code != 0 || !strings.Contains(out, "待办 6 条") {
		t.Fatalf("new case: %d %s%s", code, out, errs)
	}
	p := filepath.Join(dir, "records", "2025-2026-1", "students", "2025010101.yaml")
	os.WriteFile(p, []byte("staff wrote this"), 0o644)
	if _, _, code := run(t, "-C", dir, "new", "2025-2026-1", "2025010101", "--level", "学业警示"); code == 0 {
		t.Fatal("new overwrote an existing case")
	}
	if b, _ := os.ReadFile(p); string(b) != "staff wrote this" {
		t.Fatal("case file changed")
	}
	// The next semester's case takes the student's details from this one.
	os.WriteFile(p, []byte("semester: 2025-2026-1\nstudent: {id: \"2025010101\", name: 张三, gender: 男, class: 英语2501}\nwarning: {level: 跟班试读}\n"), 0o644)
	if _, errs, code := run(t, "-C", dir, "new", "2025-2026-2", "2025010101"); code != 0 {
		t.Fatalf("new from history: %s", errs)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "records", "2025-2026-2", "students", "2025010101.yaml"))
	for _, want := range []string{"name: 张三", "gender: 男", "class: 英语2501", "level: 跟班试读", "上学期个案：records/2025-2026-1/students/2025010101.yaml"} {
		if !strings.Contains(string(b), want) {
			t.Errorf("new case lacks %q", want)
		}
	}
	for _, bad := range [][]string{
		{"new", "2025-2026-1", "12"},
		{"new", "2025秋", "2025010102"},
		{"new", "2025-2026-1", "2025010102", "--class", "不存在"},
		{"new", "2025-2026-1", "2025010102", "--level", "预警"},
	} {
		if _, _, code := run(t, append([]string{"-C", dir}, bad...)...); code != 2 {
			t.Errorf("%v: exit %d, want 2", bad, code)
		}
	}
}

// TestTodayFromHead: in a clean git tree "today" is the HEAD commit's date, so a
// commit always gives the same to-dos; with changes, it is the current date.
func TestTodayFromHead(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	dir := copyDemo(t)
	git := func(args ...string) {
		cmd := exec.Command("git", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), "GIT_AUTHOR_NAME=刘洋", "GIT_AUTHOR_EMAIL=ly@example.invalid", "GIT_COMMITTER_NAME=刘洋",
			"GIT_COMMITTER_EMAIL=ly@example.invalid", "GIT_AUTHOR_DATE=2026-10-15T10:00:00+08:00", "GIT_COMMITTER_DATE=2026-10-15T10:00:00+08:00", "GIT_CONFIG_GLOBAL=/dev/null")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
	}
	git("init", "-q", "-b", "main")
	os.WriteFile(filepath.Join(dir, ".gitignore"), []byte("/output/\n"), 0o644)
	git("add", ".")
	git("commit", "-q", "-m", "学期记录")
	atHead, _, _ := run(t, "-C", dir, "validate")
	given, _, _ := run(t, "-C", dir, "validate", "--today", "2026-10-15")
	if atHead != given {
		t.Errorf("a clean tree is not judged on the HEAD commit's date:\n%s\nvs\n%s", atHead, given)
	}
	// Past the notify deadline (2026-09-30) but before the interview one (2026-10-31).
	if !strings.Contains(atHead, "逾期 3 条") { // 邓子豪 confirmation and parents, 蓝天佑 parents
		t.Errorf("summary: %s", atHead[strings.LastIndex(atHead, "共"):])
	}
}

// TestStatus: the demo's progress tables by class and by staff, in Chinese and
// English (testdata/status-*.golden; -update rewrites them), and as JSON.
func TestStatus(t *testing.T) {
	for _, tt := range []struct{ name, by, lang string }{{"class.zh", "class", "zh"}, {"staff.zh", "staff", "zh"}, {"class.en", "class", "en"}} {
		t.Run(tt.name, func(t *testing.T) {
			out, errs, code := run(t, "-C", "../..", "status", "--by", tt.by, "--lang", tt.lang, "--today", "2026-11-20")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			golden := filepath.Join("testdata", "status-"+tt.name+".golden")
			if *update {
				os.WriteFile(golden, []byte(out), 0o644)
				return
			}
			want, _ := os.ReadFile(golden)
			if out != string(want) {
				t.Errorf("status changed:\n%s", out)
			}
		})
	}
	out, _, _ := run(t, "-C", "../..", "status", "2025-2026-2", "--json", "--today", "2026-11-20")
	var v struct {
		Semester string `json:"semester"`
		Groups   []struct {
			Name  string `json:"name"`
			Cases int    `json:"cases"`
		} `json:"groups"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil || v.Semester != "2025-2026-2" || len(v.Groups) == 0 {
		t.Errorf("json: %v %+v", err, v)
	}
	total := 0
	for _, g := range v.Groups {
		total += g.Cases
	}
	if total != 7 {
		t.Errorf("%d cases in 2025-2026-2, want 7", total)
	}
}

// TestCarry: students not cleared go on to the next term; existing files are untouched;
// a second run creates nothing; the new cases validate without errors.
func TestCarry(t *testing.T) {
	dir := copyDemo(t)
	existing := filepath.Join(dir, "records", "2026-2027-1", "students", "2025010103.yaml")
	before, _ := os.ReadFile(existing)
	out, _, code := run(t, "-C", dir, "carry", "2025-2026-2", "2026-2027-1", "--dry-run")
	if code != 0 || !strings.Contains(out, "将新建（--dry-run，未写入） 2 个") {
		t.Fatalf("dry run: %d %s", code, out)
	}
	if _, err := os.Stat(filepath.Join(dir, "records", "2026-2027-1", "students", "2025010115.yaml")); err == nil {
		t.Fatal("--dry-run wrote a file")
	}
	out, _, code = run(t, "-C", dir, "carry", "2025-2026-2", "2026-2027-1")
	// 韦佳琪 (no evaluation) and 覃海龙 (有进步) are carried; 张晓明 and 蒙振宇 have cases already;
	// 林雨桐, 黄嘉怡 and 陆思远 cleared their warnings.
	if code != 0 || !strings.Contains(out, "新建 2 个，已存在 2 个（未改动），已消除预警 3 个") {
		t.Fatalf("carry: %d %s", code, out)
	}
	if after, _ := os.ReadFile(existing); !bytes.Equal(before, after) {
		t.Error("carry changed an existing case")
	}
	b, _ := os.ReadFile(filepath.Join(dir, "records", "2026-2027-1", "students", "2024030120.yaml"))
	for _, w := range []string{"name: 覃海龙", "class: 日语2401", "level: 跟班试读", "上学期个案：records/2025-2026-2/students/2024030120.yaml"} {
		if !strings.Contains(string(b), w) {
			t.Errorf("carried case lacks %q", w)
		}
	}
	if out, _, _ := run(t, "-C", dir, "carry", "2025-2026-2", "2026-2027-1"); !strings.Contains(out, "新建 0 个") {
		t.Errorf("second carry: %s", out)
	}
	if out, errs, code := run(t, "-C", dir, "validate", "--today", "2026-11-20"); code != 0 {
		t.Errorf("after carry: %d %s %s", code, out, errs)
	}
	if _, _, code := run(t, "-C", dir, "carry", "2026-2027-1", "2025-2026-2"); code != 2 {
		t.Error("carry backwards was accepted")
	}
}

// TestGuideImagesExist: every picture the guide shows is one init writes.
func TestGuideImagesExist(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "r")
	run(t, "init", dir)
	guide, _ := os.ReadFile(filepath.Join(dir, "docs", "使用指南.md"))
	n := 0
	for _, m := range regexp.MustCompile(`!\[[^\]]*\]\(([^)]+)\)`).FindAllStringSubmatch(string(guide), -1) {
		n++
		if _, err := os.Stat(filepath.Join(dir, "docs", m[1])); err != nil {
			t.Errorf("the guide shows %s, which init did not write", m[1])
		}
	}
	if n < 2 {
		t.Errorf("the guide shows %d pictures", n)
	}
}

// TestCrossCompile: bangfu builds without cgo for the systems staff use (make release).
func TestCrossCompile(t *testing.T) {
	if testing.Short() {
		t.Skip("cross-compiles")
	}
	for _, target := range [][2]string{{"windows", "amd64"}, {"darwin", "arm64"}} {
		cmd := exec.Command("go", "build", "-o", filepath.Join(t.TempDir(), "bangfu"), ".")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0", "GOOS="+target[0], "GOARCH="+target[1])
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("%s/%s: %v %s", target[0], target[1], err, out)
		}
	}
}

// TestUsageMessages: a mistyped command line is answered in the reader's language,
// with the command's usage line and where its examples are.
func TestUsageMessages(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{[]string{"-C", "../..", "validate", "2025秋"}, []string{"“2025秋”不是学期", "用法：bangfu validate", "bangfu help validate"}},
		{[]string{"-C", "../..", "validate", "--frob", "--lang", "en"}, []string{"flag provided but not defined: -frob", "usage: bangfu validate", "bangfu help validate"}},
		{[]string{"-C", "../..", "new", "2025-2026-1", "2025010199", "--class", "英语250", "--level", "学业警示"}, []string{"班级“英语250”不在 bangfu.yaml 的名册中，是不是“英语2501、英语2502”？"}},
		{[]string{"frob"}, []string{"没有“frob”这个命令"}},
	}
	for _, tt := range tests {
		_, errs, code := run(t, tt.args...)
		if code != 2 {
			t.Errorf("%v: exit %d", tt.args, code)
		}
		for _, w := range tt.want {
			if !strings.Contains(errs, w) {
				t.Errorf("%v: %q lacks %q", tt.args, errs, w)
			}
		}
	}
}

package main

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitCommit makes dir a repository with everything committed, by a Chinese-named author.
func gitCommit(t *testing.T, dir, date string) {
	t.Helper()
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	env := append(os.Environ(), "GIT_AUTHOR_NAME=李娜", "GIT_AUTHOR_EMAIL=ln@example.invalid", "GIT_COMMITTER_NAME=李娜",
		"GIT_COMMITTER_EMAIL=ln@example.invalid", "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date, "GIT_CONFIG_GLOBAL=/dev/null")
	for _, args := range [][]string{{"init", "-q", "-b", "main"}, {"add", "."}, {"commit", "-q", "-m", "学期记录"}} {
		if args[0] == "init" {
			if _, err := os.Stat(filepath.Join(dir, ".git")); err == nil {
				continue
			}
			os.WriteFile(filepath.Join(dir, ".gitignore"), []byte("/output/\n"), 0o644)
		}
		cmd := exec.Command("git", args...)
		cmd.Dir, cmd.Env = dir, env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("git %v: %v %s", args, err, out)
		}
	}
}

func TestBundle(t *testing.T) {
	dir := copyDemo(t)
	gitCommit(t, dir, "2026-11-20T09:00:00+08:00")
	zipA := filepath.Join(t.TempDir(), "a.zip")
	zipB := filepath.Join(t.TempDir(), "b.zip")
	out, errs, code := run(t, "-C", dir, "bundle", "2026-2027-1", "-o", zipA)
	if code != 0 || !strings.Contains(out, "共 37 个文件") {
		t.Fatalf("bundle: %d %s %s", code, out, errs)
	}
	// From an empty output/: the same commit gives the same bytes.
	os.RemoveAll(filepath.Join(dir, "output"))
	run(t, "-C", dir, "bundle", "2026-2027-1", "-o", zipB)
	a, _ := os.ReadFile(zipA)
	b, _ := os.ReadFile(zipB)
	if !bytes.Equal(a, b) {
		t.Fatal("two bundles of one commit differ")
	}

	zr, err := zip.NewReader(bytes.NewReader(a), int64(len(a)))
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	var manifest string
	for _, f := range zr.File {
		names[f.Name] = true
		if strings.HasSuffix(f.Name, "/MANIFEST.txt") {
			rc, _ := f.Open()
			m, _ := io.ReadAll(rc)
			rc.Close()
			manifest = string(m)
		}
	}
	top := "2026-2027-1_外国语学院_学业帮扶材料/"
	for _, want := range []string{
		"学院归档/学业警示处理结果汇总表.xlsx",
		"学院归档/学期修改记录.xlsx",
		"学院归档/附件1_座谈会记录/2026-09-25-跟班试读.docx",
		"学院归档/附件2_朋辈帮扶申请表/英语2501/2025010103_张晓明.docx",
		"班主任/王芳/附件3_谈话记录表/英语2501/2025010103_张晓明_谈话1.docx",
		"班主任/王芳/附件4_学习计划表/英语2501/2025010103_张晓明.docx",
		"导师/黄敏/附件4_学习计划表/翻译2301/2023040111_苏婉清.docx",  // year 4: the 导师 keeps the plan
		"班主任/陈静/附件4_学习计划表/日语2401/2024030117_罗一帆.docx", // year 3 with no 导师 yet: the 班主任
		"MANIFEST.txt",
	} {
		if !names[top+want] {
			t.Errorf("the bundle lacks %s", want)
		}
	}
	for _, w := range []string{"semester: 2026-2027-1", "college: 外国语学院", "clean: true", "today: 2026-11-20"} {
		if !strings.Contains(manifest, w) {
			t.Errorf("manifest lacks %q:\n%s", w, manifest)
		}
	}

	if out, _, code := run(t, "-C", dir, "bundle", "verify", zipA); code != 0 || !strings.Contains(out, "37 个文件完好") || !strings.Contains(out, "和提交") {
		t.Errorf("verify of a good bundle: %d %s", code, out)
	}
	// Tamper with one document: verify fails and names it.
	tampered := filepath.Join(t.TempDir(), "t.zip")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		w, _ := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Store})
		rc, _ := f.Open()
		data, _ := io.ReadAll(rc)
		rc.Close()
		if strings.HasSuffix(f.Name, "2025010103_张晓明_谈话1.docx") {
			data = append(data, 0)
		}
		w.Write(data)
	}
	zw.Close()
	os.WriteFile(tampered, buf.Bytes(), 0o644)
	out, _, code = run(t, "-C", t.TempDir(), "bundle", "verify", tampered)
	if code != 1 || !strings.Contains(out, "changed: 班主任/王芳/附件3_谈话记录表/英语2501/2025010103_张晓明_谈话1.docx") {
		t.Errorf("verify of a tampered bundle: %d %s", code, out)
	}
}

// TestBundleStrict: --strict refuses a term with to-dos and lists them; a finished term passes.
func TestBundleStrict(t *testing.T) {
	dir := copyDemo(t)
	gitCommit(t, dir, "2026-11-20T09:00:00+08:00")
	_, errs, code := run(t, "-C", dir, "bundle", "2026-2027-1", "--strict", "-o", filepath.Join(t.TempDir(), "x.zip"))
	if code != 1 || !strings.Contains(errs, "待办") || !strings.Contains(errs, "--strict") {
		t.Errorf("strict with to-dos: %d %s", code, errs)
	}
	// 2025-2026-2 is finished but for one evaluation; judged in May, before the next term, it passes.
	out, errs, code := run(t, "-C", dir, "bundle", "2025-2026-2", "--strict", "--today", "2026-05-01", "-o", filepath.Join(t.TempDir(), "y.zip"))
	if code != 0 {
		t.Errorf("strict on a finished term: %d %s %s", code, out, errs)
	}
}

// TestAudit: a case's history from real commits, as field changes, across a rename,
// with the phone masked; a semester's changes as a sheet; outside git, a clear message.
func TestAudit(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "bangfu.yaml"), []byte(baseConfig), 0o644)
	recs := filepath.Join(dir, "records", "2025-2026-1", "students")
	os.MkdirAll(recs, 0o755)
	commit := func(author, date, msg string) {
		env := append(os.Environ(), "GIT_AUTHOR_NAME="+author, "GIT_AUTHOR_EMAIL=x@example.invalid", "GIT_COMMITTER_NAME="+author,
			"GIT_COMMITTER_EMAIL=x@example.invalid", "GIT_AUTHOR_DATE="+date, "GIT_COMMITTER_DATE="+date, "GIT_CONFIG_GLOBAL=/dev/null")
		for _, args := range [][]string{{"add", "-A"}, {"commit", "-q", "-m", msg}} {
			cmd := exec.Command("git", args...)
			cmd.Dir, cmd.Env = dir, env
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("git %v: %v %s", args, err, out)
			}
		}
	}
	if _, _, code := run(t, "-C", dir, "audit", "2023010101"); code != 2 {
		t.Error("audit outside git should say so (exit 2)")
	}
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("git not installed")
	}
	exec.Command("git", "-C", dir, "init", "-q", "-b", "main").Run()
	p := filepath.Join(recs, "2023010191.yaml")
	os.WriteFile(p, []byte("semester: 2025-2026-1\nstudent: {id: \"2023010101\", name: 张三, class: 英语2301, phone: \"13800138000\"}\nwarning: {level: 学业警示}\n"), 0o644)
	commit("王芳", "2025-09-20T10:00:00+08:00", "新建个案")
	os.Rename(p, filepath.Join(recs, "2023010101.yaml")) // the id was mistyped in the name
	commit("王芳", "2025-09-21T10:00:00+08:00", "改正文件名")
	os.WriteFile(filepath.Join(recs, "2023010101.yaml"), []byte("semester: 2025-2026-1\nstudent: {id: \"2023010101\", name: 张三, class: 英语2301, phone: \"13900139000\"}\nwarning: {level: 跟班试读}\ninterviews:\n  - {date: 2025-09-25 15:00, by: 王芳, content: \"第一行\\n第二行\"}\n"), 0o644)
	commit("刘洋", "2025-09-26T16:00:00+08:00", "升级为跟班试读，记录谈话")
	os.WriteFile(filepath.Join(recs, "2023010101.yaml"), []byte("semester: 2025-2026-1\nstudent: {id: \"2023010101\", name: 张三, class: 英语2301, phone: \"13900139000\"}\nwarning: {level: 跟班试读}\ninterviews:\n  - {date: 2025-09-25 15:00, by: 王芳, content: \"第一行\\n第二行\\n第三行\"}\n"), 0o644)

	out, errs, code := run(t, "-C", dir, "audit", "2023010101")
	if code != 0 {
		t.Fatalf("audit: %d %s", code, errs)
	}
	for _, w := range []string{
		"2025-09-20 10:00  王芳", "新建个案", "新建文件",
		"改名 records/2025-2026-1/students/2023010191.yaml → records/2025-2026-1/students/2023010101.yaml",
		"2025-09-26 16:00  刘洋", "warning.level: 学业警示 → 跟班试读", "interviews[0] 新增", "student.phone: *******8000 → *******9000",
		"未提交的修改",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("audit lacks %q:\n%s", w, out)
		}
	}
	if strings.Contains(out, "13900139000") || strings.Contains(out, "13800138000") {
		t.Error("a phone number printed whole")
	}
	x := filepath.Join(t.TempDir(), "audit.xlsx")
	if _, errs, code := run(t, "-C", dir, "audit", "--semester", "2025-2026-1", "--xlsx", x); code != 0 {
		t.Fatalf("audit --xlsx: %s", errs)
	}
	if fi, err := os.Stat(x); err != nil || fi.Size() == 0 {
		t.Error("no audit sheet written")
	}
}

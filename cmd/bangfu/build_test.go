package main

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gxu-fl/bangfu/pipeline/pdf"
	"github.com/gxu-fl/bangfu/pipeline/synth"
)

// copyDemo copies the demo college (bangfu.yaml and records/) into a new folder.
func copyDemo(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	for _, top := range []string{"bangfu.yaml", "records"} {
		src := filepath.Join("..", "..", top)
		err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			rel, _ := filepath.Rel(filepath.Join("..", ".."), p)
			dst := filepath.Join(dir, rel)
			if d.IsDir() {
				return os.MkdirAll(dst, 0o755)
			}
			b, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			return os.WriteFile(dst, b, 0o644)
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// outputs maps every file under dir/output (but the build's own state) to its bytes.
func outputs(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	m := map[string][]byte{}
	root := filepath.Join(dir, "output")
	filepath.WalkDir(root, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || strings.Contains(p, ".bangfu") {
			return nil
		}
		rel, _ := filepath.Rel(root, p)
		b, _ := os.ReadFile(p)
		m[filepath.ToSlash(rel)] = b
		return nil
	})
	return m
}

// requireSoffice skips a real-reader test where LibreOffice is missing, except in CI
// (BANGFU_REQUIRE_SOFFICE=1, set by .ci/run), where a skip would hide a broken form.
func requireSoffice(t *testing.T) {
	t.Helper()
	_, err1 := pdf.Soffice()
	_, err2 := exec.LookPath("pdftotext")
	if err1 != nil || err2 != nil {
		if os.Getenv("BANGFU_REQUIRE_SOFFICE") != "" {
			t.Fatalf("LibreOffice and pdftotext are required here: %v %v", err1, err2)
		}
		t.Skip("LibreOffice or pdftotext not installed: the real-reader test is skipped (CI runs it)")
	}
}

// TestFormsInLibreOffice: one document of each form made from the demo opens in
// LibreOffice, and the PDF it prints holds the names, the college and the interview text.
func TestFormsInLibreOffice(t *testing.T) {
	requireSoffice(t)
	dir := copyDemo(t)
	if _, errs, code := run(t, "-C", dir, "build", "--today", "2026-11-20"); code != 0 {
		t.Fatalf("build: %d %s", code, errs)
	}
	out := filepath.Join(dir, "output")
	checks := map[string][]string{
		"2026-2027-1/附件1_座谈会记录/2026-09-25-跟班试读.docx":           {"2026-2027学年第一学期学业预警学生帮扶座谈会记录", "预警类别及学生人数", "跟班试读 3 人", "农立新", "赵建国副院长强调跟班试读的要求", "注："},
		"2026-2027-1/附件2_朋辈帮扶申请表/英语2502/2025010212_农立新.docx":   {"广西大学朋辈帮扶申请表", "外国语学院", "韦晓丹", "农立新", "每周两次词汇与精读辅导", "学校审核意见"},
		"2025-2026-2/附件3_谈话记录表/英语2502/2025010207_林雨桐_谈话2.docx": {"外国语学院谈话记录表", "林雨桐", "刘洋", "第 2 次", "☑电话", "☐面谈", "从心理方面了解近况", "学生表示宿舍关系融洽"},
		"2026-2027-1/附件4_学习计划表/英语2501/2025010103_张晓明.docx":     {"外国语学院预警学生学习计划表", "张晓明", "2025010103", "英语写作（1）", "随2026级重修", "帮扶教师：学业预警由班主任完成"},
	}
	var docs []string
	for rel := range checks {
		docs = append(docs, filepath.Join(out, filepath.FromSlash(rel)))
	}
	if err := pdf.Convert(context.Background(), docs); err != nil {
		t.Fatal(err)
	}
	for rel, wants := range checks {
		p := strings.TrimSuffix(filepath.Join(out, filepath.FromSlash(rel)), ".docx") + ".pdf"
		txt, err := exec.Command("pdftotext", "-layout", p, "-").Output()
		if err != nil {
			t.Fatalf("%s: %v", rel, err)
		}
		flat := strings.Join(strings.Fields(string(txt)), "")
		for _, w := range wants {
			if !strings.Contains(flat, strings.Join(strings.Fields(w), "")) {
				t.Errorf("%s: the printed page lacks %q\n%s", rel, w, txt)
			}
		}
		if info, err := exec.Command("pdfinfo", p).Output(); err == nil && !bytes.Contains(info, []byte("Pages:           1")) && !strings.Contains(rel, "附件1") {
			t.Errorf("%s: not one page:\n%s", rel, info)
		}
	}
}

// TestBuild covers the pipeline a user sees: a full build, a build with nothing
// changed, an invalid save that keeps the last good documents, a fix, and a removal.
func TestBuild(t *testing.T) {
	dir := copyDemo(t)
	build := func(args ...string) (string, int) {
		out, errs, code := run(t, append([]string{"-C", dir, "build", "--today", "2026-11-20"}, args...)...)
		return out + errs, code
	}
	if out, code := build(); code != 0 || !strings.Contains(out, "生成 58 份") {
		t.Fatalf("first build: %d %s", code, out)
	}
	first := outputs(t, dir)
	if out, _ := build(); !strings.Contains(out, "生成 0 份，未变 58 份") {
		t.Fatalf("second build: %s", out)
	}
	// A save that breaks the record: its documents stay as they were.
	rec := filepath.Join(dir, "records", "2026-2027-1", "students", "2025010212.yaml")
	good, _ := os.ReadFile(rec)
	os.WriteFile(rec, bytes.Replace(good, []byte("level: 跟班试读"), []byte("level: 跟班"), 1), 0o644)
	out, code := build()
	if code != 1 || !strings.Contains(out, "2025010212.yaml:10:10: warning.level") || !strings.Contains(out, "保留其上次生成的文件 5 份") {
		t.Fatalf("invalid save: %d %s", code, out)
	}
	if !strings.Contains(out, "生成 1 份") {
		t.Errorf("the semester's workbook is remade without the invalid case: %s", out)
	}
	now := outputs(t, dir)
	for p, b := range first {
		if !bytes.Equal(now[p], b) && !strings.HasSuffix(p, ".xlsx") {
			t.Errorf("%s changed or vanished while its record was invalid", p)
		}
	}
	// Fixed again: the workbook is remade as it was, the rest unchanged.
	os.WriteFile(rec, good, 0o644)
	if out, _ := build(); !strings.Contains(out, "生成 1 份，未变 57 份") {
		t.Fatalf("after fix: %s", out)
	}
	for p, b := range outputs(t, dir) {
		if !bytes.Equal(first[p], b) {
			t.Errorf("%s differs from the first build after the fix", p)
		}
	}
	// A record removed: its documents go.
	os.Remove(rec)
	out, _ = build()
	if !strings.Contains(out, "删除 4 份") {
		t.Fatalf("after removal: %s", out)
	}
	if _, err := os.Stat(filepath.Join(dir, "output", "2026-2027-1", "附件2_朋辈帮扶申请表", "英语2502")); err == nil {
		t.Error("an emptied folder stayed behind")
	}
	// Nothing was ever written under records/.
	if _, err := os.Stat(rec); err == nil {
		t.Error("the removed record came back")
	}
}

// TestIncrementalEqualsFull: after edits, an incremental build and a build from an
// empty output/ give the same bytes.
func TestIncrementalEqualsFull(t *testing.T) {
	dir := copyDemo(t)
	run(t, "-C", dir, "build", "--today", "2026-11-20")
	rec := filepath.Join(dir, "records", "2026-2027-1", "students", "2025010111.yaml")
	b, _ := os.ReadFile(rec)
	os.WriteFile(rec, bytes.Replace(b, []byte("补考前每天做一章习题。"), []byte("补考前每天做两章习题。\n    周末做一套模拟题。"), 1), 0o644)
	cfg := filepath.Join(dir, "bangfu.yaml")
	c, _ := os.ReadFile(cfg)
	os.WriteFile(cfg, bytes.Replace(c, []byte("head_teacher: 王芳"), []byte("head_teacher: 王芳芳"), 1), 0o644)
	run(t, "-C", dir, "build", "--today", "2026-11-20")
	incremental := outputs(t, dir)
	os.RemoveAll(filepath.Join(dir, "output"))
	run(t, "-C", dir, "build", "--today", "2026-11-20")
	full := outputs(t, dir)
	if len(full) != len(incremental) {
		t.Fatalf("%d files incremental, %d full", len(incremental), len(full))
	}
	for p, b := range full {
		if !bytes.Equal(incremental[p], b) {
			t.Errorf("%s differs between incremental and full builds", p)
		}
	}
}

// TestCustomTemplate: a repository's own template replaces the built-in one; a bad
// tag in it is an error naming the template and the tag, and the other forms still build.
func TestCustomTemplate(t *testing.T) {
	dir := copyDemo(t)
	os.MkdirAll(filepath.Join(dir, "templates"), 0o755)
	run(t, "-C", dir, "templates", "export", filepath.Join(dir, "templates"))
	p := filepath.Join(dir, "templates", "附件3_谈话记录表.docx")
	if _, err := os.Stat(p); err != nil {
		t.Fatal("templates export wrote nothing")
	}
	bad := strings.Replace(string(readDocxBody(t, p)), "{{interview.place}}", "{{interview.plcae}}", 1)
	writeDocxBody(t, p, bad)
	out, errs, code := run(t, "-C", dir, "build", "--today", "2026-11-20")
	if code != 1 || !strings.Contains(errs, "附件3_谈话记录表.docx") || !strings.Contains(errs, "{{interview.plcae}}") || !strings.Contains(errs, "did you mean {{interview.place}}") {
		t.Fatalf("bad template: %d %s %s", code, out, errs)
	}
	if !strings.Contains(out, "生成 33 份") {
		t.Errorf("the other forms should build: %s", out)
	}
	cout, _, code := run(t, "-C", dir, "templates", "check")
	if code != 1 || !strings.Contains(cout, "interview.plcae") {
		t.Errorf("templates check: %d %s", code, cout)
	}
}

func readDocxBody(t *testing.T, p string) []byte {
	t.Helper()
	zr, err := zip.OpenReader(p)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		if f.Name == "word/document.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			rc.Close()
			return b
		}
	}
	t.Fatal("no body")
	return nil
}

// writeDocxBody replaces a .docx's document.xml, as editing the template in Word would.
func writeDocxBody(t *testing.T, p, body string) {
	t.Helper()
	zr, err := zip.OpenReader(p)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, f := range zr.File {
		w, _ := zw.Create(f.Name)
		if f.Name == "word/document.xml" {
			w.Write([]byte(body))
			continue
		}
		rc, _ := f.Open()
		io.Copy(w, rc)
		rc.Close()
	}
	zr.Close()
	zw.Close()
	os.WriteFile(p, buf.Bytes(), 0o644)
}

// TestWorkbookInLibreOffice: the demo's summary workbook opens in LibreOffice Calc and
// its printed pages hold the sheets' headers, a student id, the chart's title.
func TestWorkbookInLibreOffice(t *testing.T) {
	requireSoffice(t)
	dir := copyDemo(t)
	if _, errs, code := run(t, "-C", dir, "build", "--today", "2026-11-20", "2026-2027-1"); code != 0 {
		t.Fatalf("build: %d %s", code, errs)
	}
	p := filepath.Join(dir, "output", "2026-2027-1", "学业警示处理结果汇总表.xlsx")
	if err := pdf.Convert(context.Background(), []string{p}); err != nil {
		t.Fatal(err)
	}
	txt, err := exec.Command("pdftotext", "-layout", strings.TrimSuffix(p, ".xlsx")+".pdf", "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	flat := strings.Join(strings.Fields(string(txt)), "")
	for _, w := range []string{"外国语学院2026-2027学年第一学期学业警示处理结果汇总表", "序号", "学号", "警示类别", "待办", "2025010103", "张晓明",
		"各专业学业警示人数", "各班级学业警示人数", "帮扶进度", "各负责人待办", "谈话记录", "朋辈帮扶", "****", "跨学期跟踪", "连续两学期受警示", "学情学风", "2025010125"} {
		if !strings.Contains(flat, w) {
			t.Errorf("the printed workbook lacks %q", w)
		}
	}
}

// TestProgressInALog: a long build writing to a log (not a terminal) prints a plain
// line per tenth; --quiet prints nothing but errors; --json is one JSON document.
func TestProgressInALog(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Write(dir, 120); err != nil {
		t.Fatal(err)
	}
	out, _, code := run(t, "-C", dir, "build", "--today", "2025-11-01")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 11 || !strings.HasSuffix(lines[0], "(10%)") || !strings.HasSuffix(lines[9], "(100%)") || !strings.HasPrefix(lines[10], "生成 ") {
		t.Errorf("progress lines:\n%s", out)
	}
	if strings.Contains(out, "\r") {
		t.Error("a bar drawn into a log")
	}
	os.RemoveAll(filepath.Join(dir, "output"))
	if out, _, _ := run(t, "-C", dir, "build", "--quiet", "--today", "2025-11-01"); out != "" {
		t.Errorf("--quiet printed %q", out)
	}
	os.RemoveAll(filepath.Join(dir, "output"))
	out, _, _ = run(t, "-C", dir, "build", "--json", "--today", "2025-11-01")
	var rep struct {
		Built []string `json:"built"`
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil || len(rep.Built) < 200 {
		t.Errorf("--json: %v %d", err, len(rep.Built))
	}
}

// TestBuildPDF: build --pdf writes a PDF beside each document it built; without
// LibreOffice it says how to install it and exits 2.
func TestBuildPDF(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "bangfu.yaml"), []byte(baseConfig), 0o644)
	rec := filepath.Join(dir, "records", "2025-2026-1", "students")
	os.MkdirAll(rec, 0o755)
	os.WriteFile(filepath.Join(rec, "2023010101.yaml"), []byte("semester: 2025-2026-1\nstudent: {id: \"2023010101\", name: 张三, class: 英语2301}\nwarning: {level: 学业警示}\ninterviews:\n  - {date: 2025-09-25 15:00, by: 王芳, content: 谈话内容}\n"), 0o644)

	t.Run("without LibreOffice", func(t *testing.T) {
		t.Setenv("PATH", t.TempDir())
		_, errs, code := run(t, "-C", dir, "build", "--pdf", "--today", "2025-10-01")
		if code != 2 || !strings.Contains(errs, "LibreOffice") || !strings.Contains(errs, "apt-get install libreoffice-writer-nogui") {
			t.Errorf("exit %d: %s", code, errs)
		}
	})
	t.Run("with LibreOffice", func(t *testing.T) {
		requireSoffice(t)
		os.RemoveAll(filepath.Join(dir, "output"))
		if _, errs, code := run(t, "-C", dir, "build", "--pdf", "--today", "2025-10-01"); code != 0 {
			t.Fatalf("exit %d: %s", code, errs)
		}
		for _, p := range []string{"附件3_谈话记录表/英语2301/2023010101_张三_谈话1.pdf", "附件4_学习计划表/英语2301/2023010101_张三.pdf"} {
			txt, err := exec.Command("pdftotext", filepath.Join(dir, "output", "2025-2026-1", filepath.FromSlash(p)), "-").Output()
			if err != nil || !strings.Contains(string(txt), "张三") {
				t.Errorf("%s: %v %s", p, err, txt)
			}
		}
	})
}

// TestPrivateAccounts: a mentor's account kept out of git, in private/accounts.yaml,
// still completes 附件2; a bad account there is reported masked, with its place.
func TestPrivateAccounts(t *testing.T) {
	dir := copyDemo(t)
	os.MkdirAll(filepath.Join(dir, "private"), 0o700)
	acct := filepath.Join(dir, "private", "accounts.yaml")
	os.WriteFile(acct, []byte("\"2024010215\": \"6217 8500 0000 0000 005\"\n"), 0o600)
	if _, errs, code := run(t, "-C", dir, "build", "--today", "2026-11-20"); code != 0 {
		t.Fatalf("build: %s", errs)
	}
	p := filepath.Join(dir, "output", "2026-2027-1", "附件2_朋辈帮扶申请表", "英语2502", "2025010212_农立新.docx")
	if !fileHas(p, "6217 8500 0000 0000 005")() {
		t.Error("附件2 lacks the account from private/accounts.yaml")
	}
	os.WriteFile(acct, []byte("\"2024010215\": \"6217 8500 0000 0000 006\"\n"), 0o600)
	_, errs, code := run(t, "-C", dir, "build", "--today", "2026-11-20")
	if code != 1 || !strings.Contains(errs, "private/accounts.yaml:1:15: 2024010215: 银行账号 ***************0006 校验不通过") {
		t.Errorf("bad account: %d %s", code, errs)
	}
	if strings.Contains(errs, "6217850000000000006") || strings.Contains(errs, "6217 8500 0000 0000 006") {
		t.Error("the account printed whole")
	}
}

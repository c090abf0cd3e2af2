package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// writeList writes an .xlsx like the 教务系统's export: a title, a header on row 3
// (columns in its own order, one bangfu ignores), and the rows.
func writeList(t *testing.T, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"2026-2027学年第一学期学业警示名单"})
	f.SetSheetRow("Sheet1", "A3", &[]any{"序号", "学号", "姓名", "性别", "专业", "行政班", "学业警示类别", "不及格课程", "平均学分绩点", "备注"})
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+4)
		r := append([]any{i + 1}, r...)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	p := filepath.Join(t.TempDir(), "名单.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestImport(t *testing.T) {
	dir := copyDemo(t)
	rec := filepath.Join(dir, "records", "2026-2027-1", "students", "2025010111.yaml")
	staff, _ := os.ReadFile(rec)
	// Staff wrote a comment of their own; it must survive.
	staff = bytes.Replace(staff, []byte("interviews:\n"), []byte("# 王芳：十月再谈一次\ninterviews:\n"), 1)
	os.WriteFile(rec, staff, 0o644)
	list := writeList(t, [][]any{
		{"2025010111", "莫晓燕", "女", "英语", "英语2501", "学业警示", "大学物理", 2.05, "GPA 更新"}, // only the GPA changes
		{"2025010150", "新同学", "男", "英语", "英语2501", "预警", "综合英语（3）、英语听力", 1.9, ""},  // new
		{"2026050108", "吴可欣", "女", "法语", "法语2601", "学业警示", "", 1.5, ""},            // a staff addition: its warning is theirs
		{"2025010151", "甲", "男", "英语", "英语2599", "学业警示", "", "", ""},               // no such class
		{"12345", "乙", "男", "英语", "英语2501", "学业警示", "", "", ""},                    // bad id
		{"2025010150", "新同学", "男", "英语", "英语2501", "学业警示", "", "", ""},             // twice
		{"2025010152", "丙", "女", "英语", "英语2501", "警告", "", "", ""},                 // no such level
	})
	out, _, code := run(t, "-C", dir, "import", list, "--semester", "2026-2027-1", "--dry-run")
	if code != 1 || !strings.Contains(out, "新建 1 个，更新 1 个，未变 1 个，问题 4 条（--dry-run，未写入）") {
		t.Fatalf("dry run: %d\n%s", code, out)
	}
	if b, _ := os.ReadFile(rec); !bytes.Equal(b, staff) {
		t.Fatal("--dry-run changed a file")
	}
	for _, w := range []string{"第 3 行是表头", "使用的列：学号(B)、姓名(C)、性别(D)、专业(E)、行政班(F)、学业警示类别(G)、不及格课程(H)、平均学分绩点(I)", "忽略的列：序号、备注",
		"名单.xlsx:Sheet1:F7 班级“英语2599”不在 bangfu.yaml 的名册中", "Sheet1:B8 学号“12345”不对", "Sheet1:B9 学号 2025010150 在第 5 行已出现过", "Sheet1:G10 警示类别“警告”"} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks %q:\n%s", w, out)
		}
	}

	out, _, _ = run(t, "-C", dir, "import", list, "--semester", "2026-2027-1")
	if !strings.Contains(out, "新建 1 个，更新 1 个，未变 1 个") || !strings.Contains(out, "~ records/2026-2027-1/students/2025010111.yaml warning.gpa") {
		t.Fatalf("import:\n%s", out)
	}
	// Only the GPA line changed; the staff's comment and everything else stayed.
	after, _ := os.ReadFile(rec)
	want := bytes.Replace(staff, []byte("gpa: 2.12"), []byte("gpa: 2.05"), 1)
	if !bytes.Equal(after, want) {
		t.Errorf("the update touched more than the GPA:\n%s", after)
	}
	newCase, _ := os.ReadFile(filepath.Join(dir, "records", "2026-2027-1", "students", "2025010150.yaml"))
	for _, w := range []string{"name: 新同学", "class: 英语2501", "level: 学业警示", "source: 教务处", "gpa: 1.9", "failed_courses: [{name: 综合英语（3）}, {name: 英语听力}]"} {
		if !strings.Contains(string(newCase), w) {
			t.Errorf("new case lacks %q", w)
		}
	}
	// A second run of the same list changes nothing.
	out, _, _ = run(t, "-C", dir, "import", list, "--semester", "2026-2027-1")
	if !strings.Contains(out, "新建 0 个，更新 0 个，未变 3 个") {
		t.Errorf("second import:\n%s", out)
	}
	if out, errs, code := run(t, "-C", dir, "validate", "--today", "2026-11-20"); code != 0 {
		t.Errorf("after import: %s%s", out, errs)
	}
}

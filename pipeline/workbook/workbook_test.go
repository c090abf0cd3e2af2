package workbook_test

import (
	"archive/zip"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/gxu-fl/bangfu/pipeline"
	"github.com/gxu-fl/bangfu/pipeline/store"
	"github.com/gxu-fl/bangfu/pipeline/workbook"
	"github.com/xuri/excelize/v2"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

const sem = pipeline.Semester("2026-2027-1")

func demo(t testing.TB) (*pipeline.Repo, []pipeline.Finding) {
	t.Helper()
	repo, fs, err := store.Load("../..")
	if err != nil || len(fs) > 0 {
		t.Fatalf("demo: %v %v", err, fs)
	}
	return repo, pipeline.Check(repo, pipeline.NewDate(2026, 11, 20))
}

func write(t testing.TB, repo *pipeline.Repo, fs []pipeline.Finding, s pipeline.Semester) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := workbook.Write(&buf, workbook.Input{Repo: repo, Semester: s, Findings: fs, TmpDir: t.TempDir()}); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func open(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// dump is every sheet's cell values as text: what the golden file holds.
func dump(t testing.TB, f *excelize.File) string {
	var b strings.Builder
	for _, sh := range f.GetSheetList() {
		rows, err := f.GetRows(sh)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "== %s\n", sh)
		for _, r := range rows {
			b.WriteString(strings.Join(r, " | "))
			b.WriteString("\n")
		}
	}
	return b.String()
}

// TestGolden: the demo's workbook, cell by cell (testdata/demo.golden; -update rewrites).
func TestGolden(t *testing.T) {
	repo, fs := demo(t)
	got := dump(t, open(t, write(t, repo, fs, sem)))
	golden := filepath.Join("testdata", "demo.golden")
	if *update {
		os.WriteFile(golden, []byte(got), 0o644)
		return
	}
	want, _ := os.ReadFile(golden)
	if got != string(want) {
		t.Errorf("workbook changed:\n%s", got)
	}
}

func TestSheetsAndCounts(t *testing.T) {
	repo, fs := demo(t)
	f := open(t, write(t, repo, fs, sem))
	if got := strings.Join(f.GetSheetList(), ","); got != strings.Join(workbook.Sheets, ",") {
		t.Fatalf("sheets %s", got)
	}
	count := func(sheet string) int {
		rows, _ := f.GetRows(sheet)
		return len(rows) - 1
	}
	cases := len(repo.CasesOf(sem))
	if n := count(workbook.SheetSummary); n != cases {
		t.Errorf("汇总表 has %d rows, %d cases", n, cases)
	}
	talks := 0
	for _, c := range repo.CasesOf(sem) {
		talks += len(c.Interviews)
	}
	if n := count(workbook.SheetTalks); n != talks {
		t.Errorf("谈话记录 %d rows, %d interviews", n, talks)
	}
	if n := count(workbook.SheetPeer); n != 3 {
		t.Errorf("朋辈帮扶 %d rows", n)
	}
	if n := count(workbook.SheetHistory); n != 2 {
		t.Errorf("跨学期跟踪 %d rows", n)
	}
	// Totals of the statistics equal the cases.
	rows, _ := f.GetRows(workbook.SheetByMajor)
	last := rows[len(rows)-1]
	if last[0] != "合计" || last[4] != fmt.Sprint(cases) {
		t.Errorf("按专业统计 total row %v", last)
	}
	// Header frozen on 汇总表.
	panes, _ := f.GetPanes(workbook.SheetSummary)
	if !panes.Freeze || panes.YSplit != 1 {
		t.Errorf("header not frozen: %+v", panes)
	}
	// Charts on both statistics sheets.
	data := write(t, repo, fs, sem)
	zr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	charts := 0
	for _, zf := range zr.File {
		if strings.HasPrefix(zf.Name, "xl/charts/chart") {
			charts++
		}
	}
	if charts != 2 {
		t.Errorf("%d charts", charts)
	}
}

// TestPrivacy: no sheet holds a whole bank account or phone number.
func TestPrivacy(t *testing.T) {
	repo, fs := demo(t)
	f := open(t, write(t, repo, fs, sem))
	all := dump(t, f)
	for _, c := range repo.CasesOf(sem) {
		if c.Student.Phone != "" && strings.Contains(all, string(c.Student.Phone)) {
			t.Errorf("phone of %s printed whole", c.Student.ID)
		}
		if c.PeerSupport != nil && c.PeerSupport.Mentor.BankAccount != "" {
			acct := string(c.PeerSupport.Mentor.BankAccount)
			if strings.Contains(strings.ReplaceAll(all, " ", ""), acct) {
				t.Errorf("account of %s's mentor printed whole", c.Student.ID)
			}
			if !strings.Contains(all, c.PeerSupport.Mentor.BankAccount.Masked()) || !strings.HasSuffix(c.PeerSupport.Mentor.BankAccount.Masked(), acct[len(acct)-4:]) {
				t.Errorf("account not masked to its last 4 digits")
			}
		}
	}
	if regexp.MustCompile(`\d{11,}`).MatchString(all) {
		t.Errorf("a long digit run in the workbook: %s", regexp.MustCompile(`\d{11,}`).FindString(all))
	}
}

// TestNoFormulas: text that starts with = + - @ stays text; text past Excel's cell
// limit is cut with a visible mark.
func TestNoFormulas(t *testing.T) {
	repo, fs := demo(t)
	c := repo.CasesOf(sem)[0]
	c.Student.Name = "=HYPERLINK(\"http://x\",\"y\")"
	c.Warning.Rank = "+1"
	for _, s := range repo.Surveys {
		if s.Semester == sem {
			s.Climate = "@SUM(1)\n" + strings.Repeat("学", 40000)
			s.Informant = "-2+3"
		}
	}
	f := open(t, write(t, repo, fs, sem))
	for _, sh := range f.GetSheetList() {
		rows, _ := f.GetRows(sh)
		for r, row := range rows {
			for col := range row {
				name, _ := excelize.CoordinatesToCellName(col+1, r+1)
				if fm, _ := f.GetCellFormula(sh, name); fm != "" {
					t.Errorf("%s!%s holds a formula %q", sh, name, fm)
				}
			}
		}
	}
	rows, _ := f.GetRows(workbook.SheetSummary)
	if rows[1][2] != c.Student.Name {
		t.Errorf("name read back as %q", rows[1][2])
	}
	rows, _ = f.GetRows(workbook.SheetSurveys)
	for _, r := range rows[1:] {
		if len([]rune(r[5])) > workbook.MaxCellText || !strings.HasSuffix(r[5], "（内容过长，已截断）") || !strings.HasPrefix(r[5], "@SUM(1)") {
			t.Errorf("long climate: %d chars, ends %q", len([]rune(r[5])), string([]rune(r[5])[len([]rune(r[5]))-12:]))
		}
		if r[2] != "-2+3" {
			t.Errorf("informant read back as %q", r[2])
		}
	}
}

// TestDeterministic: the same records give the same bytes, run after run (excelize
// alone orders streamed sheets by map iteration).
func TestDeterministic(t *testing.T) {
	repo, fs := demo(t)
	first := write(t, repo, fs, sem)
	for i := 0; i < 30; i++ {
		if !bytes.Equal(first, write(t, repo, fs, sem)) {
			t.Fatalf("run %d differs", i+1)
		}
	}
	zr, _ := zip.NewReader(bytes.NewReader(first), int64(len(first)))
	for _, f := range zr.File {
		if f.Name == "docProps/core.xml" {
			rc, _ := f.Open()
			b, _ := io.ReadAll(rc)
			for _, m := range regexp.MustCompile(`<dcterms:(created|modified)[^>]*>([^<]*)<`).FindAllStringSubmatch(string(b), -1) {
				if strings.HasPrefix(m[2], time.Now().Format("2006-01")) {
					t.Errorf("a build time in core.xml: %s", m[0])
				}
			}
		}
	}
}

// TestDimensionReader: a reader that trusts <dimension> (openpyxl in read-only mode)
// sees every row of every streamed sheet.
func TestDimensionReader(t *testing.T) {
	py := ""
	for _, p := range []string{"/usr/bin/python3", "python3"} {
		if exec.Command(p, "-c", "import openpyxl").Run() == nil {
			py = p
			break
		}
	}
	if py == "" {
		if os.Getenv("BANGFU_REQUIRE_SOFFICE") != "" {
			t.Fatal("openpyxl is required here (apt-get install python3-openpyxl)")
		}
		t.Skip("openpyxl not installed: the dimension reader test is skipped (CI runs it)")
	}
	repo, fs := demo(t)
	p := filepath.Join(t.TempDir(), "w.xlsx")
	os.WriteFile(p, write(t, repo, fs, sem), 0o644)
	out, err := exec.Command(py, "-c", `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1], read_only=True)
for ws in wb.worksheets:
    print(ws.title, ws.max_row, sum(1 for _ in ws.iter_rows(values_only=True)))
`, p).CombinedOutput()
	if err != nil {
		t.Fatalf("%v %s", err, out)
	}
	f := open(t, write(t, repo, fs, sem))
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		var name string
		var maxRow, iter int
		fmt.Sscan(line, &name, &maxRow, &iter)
		rows, _ := f.GetRows(name)
		if iter != len(rows) || maxRow < len(rows) {
			t.Errorf("%s: openpyxl sees %d rows (max_row %d), the sheet has %d", name, iter, maxRow, len(rows))
		}
	}
}

// TestPartCache: after a change, a write that reuses unchanged sheets from the last
// write gives exactly the bytes of a write from nothing.
func TestPartCache(t *testing.T) {
	repo, fs := demo(t)
	cache := workbook.NewPartCache()
	writeWith := func(c *workbook.PartCache) []byte {
		var buf bytes.Buffer
		if err := workbook.Write(&buf, workbook.Input{Repo: repo, Semester: sem, Findings: fs, TmpDir: t.TempDir(), Parts: c}); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	first := writeWith(cache)
	if !bytes.Equal(first, writeWith(nil)) {
		t.Fatal("a cold cache changes the bytes")
	}
	// One case's GPA changes: 汇总表 changes, the other sheets do not.
	c := repo.CasesOf(sem)[3]
	gpa := 3.21
	c.Warning.GPA = &gpa
	hits := cache.Hits()
	cached, fresh := writeWith(cache), writeWith(nil)
	if !bytes.Equal(cached, fresh) {
		t.Fatal("a write through the cache differs from a fresh write")
	}
	if bytes.Equal(cached, first) {
		t.Fatal("the change did not show")
	}
	if got := cache.Hits() - hits; got != 5 {
		t.Errorf("%d sheets reused, want 5 (all but 汇总表)", got)
	}
}

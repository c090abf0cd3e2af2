package docx

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"

	lib "github.com/nguyenthenguyen/docx"
)

var update = flag.Bool("update", false, "rebuild testdata/*.docx (LibreOffice needed for the re-saved one)")

func mustParse(t testing.TB, name string, data []byte) *Template {
	t.Helper()
	tpl, errs := Parse(name, data, testSchema)
	if len(errs) > 0 {
		t.Fatalf("parse %s: %v", name, errs)
	}
	return tpl
}

func text(t testing.TB, tpl *Template, v Values) string {
	t.Helper()
	s, err := PlainText(tpl.Body(v))
	if err != nil {
		t.Fatalf("rendered body is not well-formed XML: %v", err)
	}
	return s
}

var sample = Values{
	"college":      Text("外国语学院"),
	"student.name": Text("张三"),
	"note":         Text("无"),
	"flag":         Text("F"),
	"choice":       Options([]string{"面谈", "电话"}, func(s string) bool { return s == "电话" }),
	"rows":         {Rows: []Values{{"a": Text("a1"), "b": Text("b1")}, {"a": Text("a2"), "b": Text("b2")}}},
}

const sampleText = "外国语学院测试表\n姓名：张三 备注：无\nF 与 F\n|项目 | 说明|\n|a1 | b1|\n|a2 | b2|\n选项：☐面谈　☑电话\n"

// TestSplitTags: tags that Word (spell-check and language runs, bookmarks) and
// LibreOffice split across runs render as if typed in one piece.
func TestSplitTags(t *testing.T) {
	if *update {
		src, err := os.ReadFile("testdata/word-split.document.xml")
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile("testdata/word-split.docx", packageWith(string(src)), 0o644); err != nil {
			t.Fatal(err)
		}
		if soffice, err := exec.LookPath("soffice"); err == nil {
			dir := t.TempDir()
			abs, _ := filepath.Abs("testdata/word-split.docx")
			out, err := exec.Command(soffice, "-env:UserInstallation=file://"+dir+"/profile", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", dir, abs).CombinedOutput()
			if err != nil {
				t.Fatalf("soffice: %v %s", err, out)
			}
			b, err := os.ReadFile(filepath.Join(dir, "word-split.docx"))
			if err != nil {
				t.Fatal(err)
			}
			os.WriteFile("testdata/libreoffice-resaved.docx", b, 0o644)
		}
	}
	for _, name := range []string{"word-split.docx", "libreoffice-resaved.docx"} {
		t.Run(name, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join("testdata", name))
			if err != nil {
				t.Fatal(err)
			}
			tpl := mustParse(t, name, data)
			if got := text(t, tpl, sample); got != sampleText {
				t.Errorf("got\n%s\nwant\n%s", got, sampleText)
			}
			var tags []string
			for _, u := range tpl.Tags() {
				tags = append(tags, u.Tag)
			}
			if want := "college student.name note flag flag rows.a rows.b choice"; strings.Join(tags, " ") != want {
				t.Errorf("tags %v, want %s", tags, want)
			}
		})
	}
}

func TestTagErrors(t *testing.T) {
	tests := []struct {
		name string
		body string
		want []string // substrings of the errors, in order
	}{
		{"unknown with suggestion", `<w:p><w:r><w:t>{{student.nam}}</w:t></w:r></w:p>`, []string{"t.docx: paragraph 1", "unknown tag {{student.nam}}", "did you mean {{student.name}}"}},
		{"split unknown", `<w:p><w:r><w:t>{{stu</w:t></w:r><w:r><w:t>dent.age}}</w:t></w:r></w:p>`, []string{"unknown tag {{student.age}}"}},
		{"unclosed", `<w:p><w:r><w:t>姓名：{{student.name</w:t></w:r></w:p>`, []string{"unclosed tag {{student.name"}},
		{"across paragraphs", `<w:p><w:r><w:t>{{student.</w:t></w:r></w:p><w:p><w:r><w:t>name}}</w:t></w:r></w:p>`, []string{"paragraph 1", "unclosed", "paragraph 2", "unopened"}},
		{"malformed", `<w:p><w:r><w:t>{{ student name }}</w:t></w:r></w:p>`, []string{"malformed tag {{student name}}"}},
		{"empty", `<w:p><w:r><w:t>{{}}</w:t></w:r></w:p>`, []string{"malformed tag {{}}"}},
		{"nested open", `<w:p><w:r><w:t>{{note {{flag}}</w:t></w:r></w:p>`, []string{"unclosed tag {{note "}},
		{"list outside row", `<w:p><w:r><w:t>{{#rows}}</w:t></w:r></w:p>`, []string{"list outside a table row"}},
		{"list field outside row", `<w:p><w:r><w:t>{{rows.a}}</w:t></w:r></w:p>`, []string{"list field outside its {{#list}} row"}},
		{"unknown list", `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>{{#row}}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`, []string{"unknown list tag {{#row}}", "did you mean {{rows}}"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, errs := Parse("t.docx", packageWith(body(tt.body)), testSchema)
			var all []string
			for _, e := range errs {
				all = append(all, e.Error())
			}
			joined := strings.Join(all, "\n")
			pos := 0
			for _, w := range tt.want {
				i := strings.Index(joined[pos:], w)
				if i < 0 {
					t.Fatalf("errors\n%s\nlack %q (in order)", joined, w)
				}
				pos += i
			}
		})
	}
}

// TestValuesNeverBreakTheDocument: whatever a record holds, the body stays XML,
// prints as typed, and <w:br/> never sits inside <w:t>.
func TestValuesNeverBreakTheDocument(t *testing.T) {
	tpl := mustParse(t, "t.docx", packageWith(body(`<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>备注：{{note}}。</w:t></w:r></w:p>`)))
	tests := []struct{ name, in, want string }{
		{"markup", `<w:t>&amp; "quoted" 'single' a<b>c`, `<w:t>&amp; "quoted" 'single' a<b>c`},
		{"a tag in the data", "{{student.name}} {{#rows}}", "{{student.name}} {{#rows}}"},
		{"line breaks", "第一行\n第二行\r\n第三行", "第一行\n第二行\n第三行"},
		{"tab", "a\tb", "a\tb"},
		{"control characters", "a\x0bb\x00c\x1fd\ufffee", "abcde"},
		{"not utf-8", "a\xffb", "ab"},
		{"leading and trailing spaces", "  缩进  ", "  缩进  "},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := tpl.Body(Values{"note": Text(tt.in)})
			got, err := PlainText(b)
			if err != nil {
				t.Fatalf("not XML: %v\n%s", err, b)
			}
			if want := "备注：" + tt.want + "。\n"; got != want {
				t.Errorf("got %q want %q", got, want)
			}
			assertNoBreakInsideText(t, b)
			if !strings.Contains(b, `<w:rPr><w:b/></w:rPr><w:t xml:space="preserve">备注：`) {
				t.Error("run properties lost")
			}
		})
	}
}

func assertNoBreakInsideText(t *testing.T, body string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(body))
	depth := 0
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		switch x := tok.(type) {
		case xml.StartElement:
			if x.Name.Local == "t" {
				depth++
			}
			if (x.Name.Local == "br" || x.Name.Local == "tab") && depth > 0 {
				t.Fatalf("<w:%s/> inside <w:t>", x.Name.Local)
			}
		case xml.EndElement:
			if x.Name.Local == "t" {
				depth--
			}
		}
	}
}

func TestRepeatedRows(t *testing.T) {
	data, _ := os.ReadFile("testdata/word-split.docx")
	tpl := mustParse(t, "w", data)
	for _, n := range []int{0, 1, 30} {
		t.Run(fmt.Sprint(n), func(t *testing.T) {
			var rows []Values
			for i := 0; i < n; i++ {
				rows = append(rows, Values{"a": Text(fmt.Sprint("a", i)), "b": Text("b")})
			}
			v := Values{"rows": {Rows: rows}}
			b := tpl.Body(v)
			got := strings.Count(b, "<w:tr>")
			want := 1 + max(n, 1) // the header row, and at least one row for a pen
			if got != want {
				t.Errorf("%d rows, want %d", got, want)
			}
			s := text(t, tpl, v)
			if n == 30 && (!strings.Contains(s, "|a0 | b|") || !strings.Contains(s, "|a29 | b|")) {
				t.Errorf("rows missing:\n%s", s)
			}
			if n == 0 && !strings.Contains(s, "| |\n") && !strings.Contains(s, "| | |") {
				t.Logf("blank row: %q", s)
			}
		})
	}
}

// TestRenderPackage: a rendered document is a .docx the library reads back, the same
// bytes every time, with every other part copied unchanged.
func TestRenderPackage(t *testing.T) {
	data, _ := os.ReadFile("testdata/word-split.docx")
	tpl := mustParse(t, "w", data)
	var a, b bytes.Buffer
	if err := tpl.Render(&a, sample); err != nil {
		t.Fatal(err)
	}
	tpl.Render(&b, sample)
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("two renders differ")
	}
	rd, err := lib.ReadDocxFromMemory(bytes.NewReader(a.Bytes()), int64(a.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := PlainText(rd.Editable().GetContent()); got != sampleText {
		t.Errorf("read back %q", got)
	}
	zr, _ := zip.NewReader(bytes.NewReader(a.Bytes()), int64(a.Len()))
	tr, _ := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if len(zr.File) != len(tr.File) {
		t.Fatalf("%d parts, template has %d", len(zr.File), len(tr.File))
	}
	for i, f := range zr.File {
		if f.Name != tr.File[i].Name {
			t.Errorf("part %d is %s, template's %s", i, f.Name, tr.File[i].Name)
		}
		if f.Name != bodyPart && f.CRC32 != tr.File[i].CRC32 {
			t.Errorf("%s changed", f.Name)
		}
	}
}

// TestConcurrentRenders: one template rendered from many goroutines (run under -race)
// gives each document its own values: nothing is shared between renders.
func TestConcurrentRenders(t *testing.T) {
	data, _ := os.ReadFile("testdata/word-split.docx")
	tpl := mustParse(t, "w", data)
	var wg sync.WaitGroup
	for i := 0; i < 16; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			v := Values{"student.name": Text(fmt.Sprint("学生", i))}
			var buf bytes.Buffer
			if err := tpl.Render(&buf, v); err != nil {
				t.Error(err)
				return
			}
			rd, err := lib.ReadDocxFromMemory(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
			if err != nil {
				t.Error(err)
				return
			}
			got, _ := PlainText(rd.Editable().GetContent())
			if !strings.Contains(got, fmt.Sprintf("姓名：学生%d ", i)) {
				t.Errorf("render %d got %q", i, got)
			}
		}(i)
	}
	wg.Wait()
}

func TestNotADocx(t *testing.T) {
	for name, data := range map[string][]byte{"empty": nil, "text": []byte("hello"), "zip without body": func() []byte {
		var b bytes.Buffer
		zw := zip.NewWriter(&b)
		zw.Create("x.txt")
		zw.Close()
		return b.Bytes()
	}()} {
		if _, errs := Parse(name, data, testSchema); len(errs) == 0 {
			t.Errorf("%s: parsed", name)
		}
	}
}

// FuzzTemplate: no document XML makes the template parser panic, and a template that
// parses renders well-formed XML for any value.
func FuzzTemplate(f *testing.F) {
	src, _ := os.ReadFile("testdata/word-split.document.xml")
	f.Add(string(src), "张三")
	f.Add(body(`<w:p><w:r><w:t>{{note}}</w:t></w:r></w:p>`), "a\nb<&>\x0b")
	f.Add(body(`<w:tbl><w:tr><w:tc><w:p><w:r><w:t>{{#rows}}{{rows.a}}{{#rows}}</w:t></w:r></w:p></w:tc></w:tr></w:tbl>`), "")
	f.Add(body(`<w:p><w:r><w:t>{{{{note}}}}</w:t></w:r></w:p>`), "}}{{")
	wellFormed := regexp.MustCompile(`^<\?xml`)
	f.Fuzz(func(t *testing.T, doc, value string) {
		tpl, errs := Parse("f.docx", packageWith(doc), testSchema)
		if len(errs) > 0 || tpl == nil {
			return
		}
		v := Values{"note": Text(value), "student.name": Text(value), "rows": {Rows: []Values{{"a": Text(value)}}}}
		out := tpl.Body(v)
		if _, err := PlainText(doc); err == nil && wellFormed.MatchString(doc) {
			if _, err := PlainText(out); err != nil {
				t.Fatalf("well-formed template rendered broken XML: %v", err)
			}
		}
	})
}

package store

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gxu-fl/bangfu/pipeline"
)

const minimalCase = "semester: 2025-2026-1\nstudent:\n  id: \"2023010101\"\n  name: 张三\n  class: 英语2301\nwarning:\n  level: 学业警示\n"

func decodeCase(t *testing.T, data []byte) (*pipeline.Case, []pipeline.Finding) {
	t.Helper()
	c := &pipeline.Case{}
	var src pipeline.Source
	fs := Decode("x.yaml", data, c, &src)
	c.Source = src
	return c, fs
}

// TestBytes covers what arrives at the byte level: encodings, line ends, size, structure bombs.
func TestBytes(t *testing.T) {
	gbk := []byte("semester: 2025-2026-1\nstudent:\n  name: \xd5\xc5\xc8\xfd\n") // 张三 in GBK
	tests := []struct {
		name     string
		data     []byte
		wantCode pipeline.Code // "" means it decodes without findings
		line     int
		col      int
	}{
		{"plain", []byte(minimalCase), "", 0, 0},
		{"bom and crlf", append([]byte("\xef\xbb\xbf"), strings.ReplaceAll(minimalCase, "\n", "\r\n")...), "", 0, 0},
		{"gbk", gbk, pipeline.CodeNotUTF8, 3, 9},
		{"utf16", []byte("\xff\xfes\x00e\x00"), pipeline.CodeNotUTF8, 1, 1},
		{"too large", append([]byte(minimalCase+"# "), bytes.Repeat([]byte("x"), MaxFileSize)...), pipeline.CodeTooLarge, 1, 1},
		{"deep nesting", []byte(strings.Repeat("[", 20000)), pipeline.CodeYAMLSyntax, 1, 1},
		{"alias bomb", []byte("a: &a [x,x,x,x,x,x,x,x,x]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nsemester: *c\n"), pipeline.CodeUnknownKey, 1, 1},
		{"not a mapping", []byte("- 1\n- 2\n"), pipeline.CodeWantMapping, 1, 1},
		{"only a scalar", []byte("张三\n"), pipeline.CodeWantMapping, 1, 1},
		{"nul byte", []byte("semester: \x00\n"), pipeline.CodeYAMLSyntax, 1, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			start := time.Now()
			_, fs := decodeCase(t, tt.data)
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %v: a hang in disguise", d) // a guard against hangs, not a performance target
			}
			if tt.wantCode == "" {
				if len(fs) > 0 {
					t.Fatalf("unexpected findings: %+v", fs)
				}
				return
			}
			if len(fs) == 0 || fs[0].Code != tt.wantCode {
				t.Fatalf("findings %+v, want %s first", fs, tt.wantCode)
			}
			if fs[0].Pos.Line != tt.line || fs[0].Pos.Col != tt.col {
				t.Errorf("at %d:%d, want %d:%d", fs[0].Pos.Line, fs[0].Pos.Col, tt.line, tt.col)
			}
		})
	}
}

// TestAsWritten: an unquoted id or phone keeps the text as written, never a number.
func TestAsWritten(t *testing.T) {
	c, fs := decodeCase(t, []byte("semester: 2025-2026-1\nstudent:\n  id: 0123456789\n  name: 张三\n  class: 英语2301\n  phone: 13800138000\nwarning:\n  level: 学业警示\n  gpa: 1.50\n  rank: 085/120\n"))
	if len(fs) > 0 {
		t.Fatal(fs)
	}
	if c.Student.ID != "0123456789" || c.Student.Phone != "13800138000" || *c.Warning.GPA != 1.5 || c.Warning.Rank != "085/120" {
		t.Errorf("got %+v %+v", c.Student, c.Warning)
	}
	if p := c.Source.At("student.id"); p.Line != 3 || p.Col != 7 {
		t.Errorf("student.id at %v", p)
	}
}

func TestPositionsAreCharacters(t *testing.T) {
	_, fs := decodeCase(t, []byte("semester: 2025-2026-1\nstudent: {id: \"2023010101\", name: 张三, class: 英语2301, gender: 男生}\nwarning: {level: 学业警示}\n"))
	if len(fs) != 1 || fs[0].Pos.Col != 62 {
		t.Fatalf("%+v", fs)
	}
}

func TestIsDebris(t *testing.T) {
	for _, n := range []string{".x.yaml.swp", "x.yaml~", "#x.yaml#", ".DS_Store", "4913", "x.yaml.tmp", ".~lock.x#", "~$x.yaml"} {
		if !IsDebris(n) || IsRecordFile(n) {
			t.Errorf("%s should be debris", n)
		}
	}
	for _, n := range []string{"2023010101.yaml", "英语2301.yml"} {
		if !IsRecordFile(n) {
			t.Errorf("%s should be read", n)
		}
	}
}

func TestWriteNewNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	if err := WriteNew(dir, "a/b.yaml", []byte("one")); err != nil {
		t.Fatal(err)
	}
	if err := WriteNew(dir, "a/b.yaml", []byte("two")); err == nil {
		t.Fatal("overwrote")
	}
	b, _ := os.ReadFile(filepath.Join(dir, "a", "b.yaml"))
	if string(b) != "one" {
		t.Errorf("content %q", b)
	}
	left, _ := filepath.Glob(filepath.Join(dir, "a", ".bangfu-*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestNewCaseRoundTrip: the text bangfu new writes reads back as the case it describes.
func TestNewCaseRoundTrip(t *testing.T) {
	for _, name := range []string{"张三", "O'Brien: Jr #1", "欧阳·娜娜"} {
		data := NewCaseYAML(NewCase{Semester: "2025-2026-1", ID: "2023010101", Name: name, Class: "英语2301", Level: pipeline.LevelWarning})
		c, fs := decodeCase(t, data)
		if len(fs) > 0 {
			t.Fatalf("%s: %+v\n%s", name, fs, data)
		}
		if c.Student.Name != name || c.Warning.Level != pipeline.LevelWarning || c.Warning.Source != pipeline.SourceOffice {
			t.Errorf("read back %+v", c.Student)
		}
	}
}

// FuzzDecode: no input makes the loader panic or hang, and every finding has a place.
func FuzzDecode(f *testing.F) {
	seeds, _ := filepath.Glob("../../records/*/*/*.yaml")
	for _, p := range seeds {
		b, _ := os.ReadFile(p)
		f.Add(b)
	}
	f.Add([]byte(minimalCase))
	f.Add([]byte("student:\n  姓名：张三\n"))
	f.Add([]byte("a: &a [x]\nb: *a\n"))
	f.Add([]byte("<<<<<<< HEAD\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, v := range []any{&pipeline.Case{}, &pipeline.Meeting{}, &pipeline.Survey{}, &pipeline.Config{}} {
			var src pipeline.Source
			for _, fd := range Decode("f.yaml", data, v, &src) {
				if fd.Pos.File != "f.yaml" || fd.Pos.Line < 1 || fd.Pos.Col < 1 || fd.Code == "" {
					t.Fatalf("finding without a place: %+v", fd)
				}
			}
		}
	})
}

// FuzzFlatten: the audit flattens every version of a file git holds, broken or not;
// none may panic, and what flattens is what the loader can read.
func FuzzFlatten(f *testing.F) {
	f.Add([]byte(minimalCase))
	f.Add([]byte("a: [1, {b: 2}]\n"))
	f.Add([]byte("a: &x [1]\nb: *x\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		flat := Flatten(data)
		if root, _, fs := parse("", data); flat != nil && (root == nil || len(fs) > 0) {
			t.Fatalf("flattened a file the loader refuses: %q", data)
		}
	})
}

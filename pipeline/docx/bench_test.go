package docx

import (
	"bytes"
	"io"
	"io/fs"
	"testing"

	"github.com/gxu-fl/bangfu/templates"
	lib "github.com/nguyenthenguyen/docx"
)

// The three ways to make one 附件3 document, measured side by side (README):
//   Render  — this layer: values into the compiled body, other parts copied raw;
//   Floor   — the least any writer must do: copy the parts raw, deflate a ready body;
//   Library — the docx library's own Write, which inflates and re-deflates every part.

var benchSchema = Schema{Fields: []string{"university", "college", "semester", "semester_title",
	"student.name", "student.gender", "student.class", "student.phone", "student.id",
	"interview.by", "interview.role", "interview.initiated_by", "interview.no", "interview.method", "interview.topics",
	"interview.time", "interview.place", "interview.impression", "interview.content", "interview.measures"}}

var benchValues = Values{
	"college": Text("外国语学院"), "student.name": Text("张晓明"), "student.gender": Text("男"), "student.class": Text("英语2501"),
	"student.phone": Text("13907710123"), "interview.by": Text("王芳"), "interview.no": Text("1"),
	"interview.initiated_by": Options([]string{"学生主动约谈", "老师约谈"}, func(s string) bool { return s == "老师约谈" }),
	"interview.method":       Options([]string{"面谈", "电话", "微信/QQ", "集体座谈"}, func(s string) bool { return s == "面谈" }),
	"interview.time":         Text("2025 年 9 月 25 日 15 时"), "interview.place": Text("外国语学院 302"),
	"interview.impression": Text("学生精神状态尚可，对挂科原因认识不足。"),
	"interview.content":    Text("谈到上学期综合英语期末失利，学生认为主要是不适应大学的自主学习节奏。\n英语语音因身体不适缺考。"),
	"interview.measures":   Text("约定每周三下午到办公室汇报一次学习情况；安排学习委员结对。"),
}

func benchTemplate(b *testing.B) ([]byte, *Template) {
	data, err := fs.ReadFile(templates.FS, "附件3_谈话记录表.docx")
	if err != nil {
		b.Fatal(err)
	}
	tpl, errs := Parse("附件3", data, benchSchema)
	if len(errs) > 0 {
		b.Fatal(errs)
	}
	return data, tpl
}

func BenchmarkRender(b *testing.B) {
	_, tpl := benchTemplate(b)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := tpl.Render(&buf, benchValues); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFloor(b *testing.B) {
	_, tpl := benchTemplate(b)
	body := tpl.Body(benchValues)
	var buf bytes.Buffer
	for b.Loop() {
		buf.Reset()
		if err := tpl.pkg.write(&buf, body); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLibraryWrite(b *testing.B) {
	data, tpl := benchTemplate(b)
	body := tpl.Body(benchValues)
	rd, err := lib.ReadDocxFromMemory(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		d := rd.Editable()
		d.SetContent(body)
		if err := d.Write(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkParse is the once-per-build cost of a template.
func BenchmarkParse(b *testing.B) {
	data, _ := benchTemplate(b)
	for b.Loop() {
		if _, errs := Parse("附件3", data, benchSchema); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}

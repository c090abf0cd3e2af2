package jiaowu

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"
)

func xlsx(t testing.TB, rows [][]any) []byte {
	f := excelize.NewFile()
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	b, err := f.WriteToBuffer()
	if err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestRead(t *testing.T) {
	tests := []struct {
		name    string
		rows    [][]any
		header  int
		columns map[Field]string
		ignored []string
		cells   []map[Field]string
	}{
		{"plain", [][]any{{"学号", "姓名", "班级", "预警等级"}, {"2023010101", "张三", "英语2301", "学业警示"}}, 1,
			map[Field]string{ID: "学号", Name: "姓名", Class: "班级", Level: "预警等级"}, nil,
			[]map[Field]string{{ID: "2023010101", Name: "张三", Class: "英语2301", Level: "学业警示"}}},
		{"title rows, synonyms, numeric id, spaces in headers", [][]any{{"名单"}, {}, {"学生学号", " 学生姓名 ", "行政班", "学业警示类别", "平均学分绩点", "说明"},
			{2023010101, "张三", "英语2301", "跟班试读", 1.5, "x"}, {}, {"2023010102", "李四", "英语2301", "退学试读", "", ""}}, 3,
			map[Field]string{ID: "学生学号", Name: "学生姓名", Class: "行政班", Level: "学业警示类别", GPA: "平均学分绩点"}, []string{"说明"},
			[]map[Field]string{{ID: "2023010101", Name: "张三", Class: "英语2301", Level: "跟班试读", GPA: "1.5"}, {ID: "2023010102", Name: "李四", Class: "英语2301", Level: "退学试读", GPA: ""}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l, err := Read(bytes.NewReader(xlsx(t, tt.rows)))
			if err != nil {
				t.Fatal(err)
			}
			if l.HeaderRow != tt.header || !reflect.DeepEqual(l.Columns, tt.columns) || !reflect.DeepEqual(l.Ignored, tt.ignored) {
				t.Errorf("header %d %v ignored %v", l.HeaderRow, l.Columns, l.Ignored)
			}
			var cells []map[Field]string
			for _, r := range l.Rows {
				cells = append(cells, r.Cells)
			}
			if !reflect.DeepEqual(cells, tt.cells) {
				t.Errorf("rows %v", cells)
			}
		})
	}
	if _, err := Read(bytes.NewReader(xlsx(t, [][]any{{"姓名", "班级"}}))); err == nil {
		t.Error("a list without 学号 read")
	}
	if _, err := Read(bytes.NewReader([]byte("not a workbook"))); err == nil {
		t.Error("text read as a workbook")
	}
}

func TestSplitCourses(t *testing.T) {
	got := SplitCourses("综合英语（3）、英语听力,大学物理；线性代数\n 体育 ")
	want := []string{"综合英语（3）", "英语听力", "大学物理", "线性代数", "体育"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%q", got)
	}
}

// FuzzRead: no file makes the list reader panic.
func FuzzRead(f *testing.F) {
	f.Add(xlsx(f, [][]any{{"学号", "姓名"}, {"1", "a"}}))
	f.Add([]byte("PK\x03\x04"))
	f.Fuzz(func(t *testing.T, data []byte) {
		Read(bytes.NewReader(data))
	})
}

// Package jiaowu reads the list of students under academic warning that the 教务系统
// exports (an .xlsx): it finds the header row and the columns by their Chinese names,
// whatever their order, and says which columns it used and which it ignored.
package jiaowu

import (
	"fmt"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Field is a column the list owns, as bangfu reads it.
type Field string

const (
	ID            Field = "id"
	Name          Field = "name"
	Gender        Field = "gender"
	Grade         Field = "grade"
	Major         Field = "major"
	Class         Field = "class"
	Level         Field = "level"
	FailedCourses Field = "failed_courses"
	FailedCredits Field = "failed_credits"
	GPA           Field = "gpa"
	Rank          Field = "rank"
)

// headers are the names the 教务系统 (and people re-typing its exports) give each column.
var headers = []struct {
	field Field
	names []string
}{
	{ID, []string{"学号", "学生学号"}},
	{Name, []string{"姓名", "学生姓名"}},
	{Gender, []string{"性别"}},
	{Grade, []string{"年级"}},
	{Major, []string{"专业", "专业名称"}},
	{Class, []string{"班级", "行政班", "班级名称", "行政班级"}},
	{Level, []string{"预警等级", "警示类别", "学业警示类别", "预警类别", "警示等级", "处理结果", "学业预警等级"}},
	{FailedCourses, []string{"不及格课程", "不及格课程名称", "挂科课程", "不及格课程名单"}},
	{FailedCredits, []string{"不及格学分", "不及格课程学分", "累计不及格学分"}},
	{GPA, []string{"平均学分绩点", "绩点", "平均绩点", "gpa"}},
	{Rank, []string{"成绩排名", "排名", "专业排名"}},
}

// List is the list as read: where its header is, what each column is, and its rows.
type List struct {
	Sheet     string
	HeaderRow int              // 1-based
	Columns   map[Field]string // the header text each field was read from
	ColumnOf  map[Field]string // its column letter
	Ignored   []string         // headers of columns not used
	Rows      []Row
}

// Row is one student's line: the sheet's row number and the text of each field.
type Row struct {
	Row   int
	Cells map[Field]string
}

func norm(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	return strings.NewReplacer(" ", "", "\u3000", "", "（", "(", "）", ")", "\n", "").Replace(s)
}

// Read reads the first sheet that has a header row with 学号 and 姓名 (in its first 30 rows).
func Read(r io.Reader) (*List, error) {
	f, err := excelize.OpenReader(r, excelize.Options{RawCellValue: true})
	if err != nil {
		return nil, fmt.Errorf("not an .xlsx file: %v", err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		for h := 0; h < len(rows) && h < 30; h++ {
			cols := map[Field]int{}
			for i, cell := range rows[h] {
				for _, hd := range headers {
					for _, n := range hd.names {
						if _, seen := cols[hd.field]; !seen && norm(cell) == norm(n) {
							cols[hd.field] = i
						}
					}
				}
			}
			if _, ok := cols[ID]; !ok {
				continue
			}
			if _, ok := cols[Name]; !ok {
				continue
			}
			l := &List{Sheet: sheet, HeaderRow: h + 1, Columns: map[Field]string{}, ColumnOf: map[Field]string{}}
			used := map[int]bool{}
			for fld, i := range cols {
				l.Columns[fld] = strings.TrimSpace(rows[h][i])
				l.ColumnOf[fld], _ = excelize.ColumnNumberToName(i + 1)
				used[i] = true
			}
			for i, cell := range rows[h] {
				if !used[i] && strings.TrimSpace(cell) != "" {
					l.Ignored = append(l.Ignored, strings.TrimSpace(cell))
				}
			}
			for r := h + 1; r < len(rows); r++ {
				row := Row{Row: r + 1, Cells: map[Field]string{}}
				empty := true
				for fld, i := range cols {
					row.Cells[fld] = "" // every field found, empty or not
					if i < len(rows[r]) {
						v := strings.TrimSpace(rows[r][i])
						row.Cells[fld] = v
						if v != "" {
							empty = false
						}
					}
				}
				if !empty {
					l.Rows = append(l.Rows, row)
				}
			}
			return l, nil
		}
	}
	return nil, fmt.Errorf("no header row with 学号 and 姓名 in the first 30 rows of any sheet")
}

// Fields lists the fields found, in a fixed order.
func (l *List) Fields() []Field {
	var out []Field
	for _, h := range headers {
		if _, ok := l.Columns[h.field]; ok {
			out = append(out, h.field)
		}
	}
	return out
}

// SplitCourses splits a cell that lists several failed courses.
func SplitCourses(s string) []string {
	var out []string
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("、,，;；\n", r) }) {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

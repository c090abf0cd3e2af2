package workbook

import (
	"fmt"
	"sort"
	"strings"

	"github.com/gxu-fl/bangfu/pipeline"
	"github.com/xuri/excelize/v2"
)

// statistics writes 按专业统计 and 按班级统计: counts per level with totals, and a bar chart.
func (b *book) statistics() error {
	byMajor := map[string]map[pipeline.Level]int{}
	byClass := map[string]map[pipeline.Level]int{}
	for _, c := range b.cases {
		major := b.in.Repo.Config.Classes[c.Student.Class].Major
		for _, m := range []struct {
			m   map[string]map[pipeline.Level]int
			key string
		}{{byMajor, major}, {byClass, c.Student.Class}} {
			if m.m[m.key] == nil {
				m.m[m.key] = map[pipeline.Level]int{}
			}
			m.m[m.key][c.Warning.Level]++
		}
	}
	if err := b.countSheet(SheetByMajor, "专业", byMajor, "各专业学业警示人数"); err != nil {
		return err
	}
	return b.countSheet(SheetByClass, "班级", byClass, "各班级学业警示人数")
}

func (b *book) countSheet(sheet, what string, counts map[string]map[pipeline.Level]int, title string) error {
	f := b.f
	keys := make([]string, 0, len(counts))
	for k := range counts {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	header := []string{what}
	for _, l := range pipeline.Levels {
		header = append(header, string(l))
	}
	header = append(header, "合计")
	for i, h := range header {
		name, _ := excelize.CoordinatesToCellName(i+1, 1)
		f.SetCellValue(sheet, name, h)
	}
	total := make([]int, len(pipeline.Levels)+1)
	for r, k := range keys {
		row := []any{k}
		sum := 0
		for i, l := range pipeline.Levels {
			n := counts[k][l]
			row = append(row, n)
			sum += n
			total[i] += n
		}
		total[len(pipeline.Levels)] += sum
		row = append(row, sum)
		name, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := f.SetSheetRow(sheet, name, &row); err != nil {
			return err
		}
	}
	last := len(keys) + 2
	totalRow := []any{"合计"}
	for _, n := range total {
		totalRow = append(totalRow, n)
	}
	name, _ := excelize.CoordinatesToCellName(1, last)
	if err := f.SetSheetRow(sheet, name, &totalRow); err != nil {
		return err
	}
	lastCol, _ := excelize.ColumnNumberToName(len(header))
	// Readers that trust the used range (openpyxl read-only) see every row.
	if err := f.SetSheetDimension(sheet, fmt.Sprintf("A1:%s%d", lastCol, last)); err != nil {
		return err
	}
	f.SetCellStyle(sheet, "A1", lastCol+"1", b.header)
	f.SetCellStyle(sheet, "A2", fmt.Sprintf("%s%d", lastCol, last), b.text)
	f.SetCellStyle(sheet, "B2", fmt.Sprintf("%s%d", lastCol, last), b.number)
	width := 10.0
	for _, k := range keys {
		width = max(width, float64(displayWidth(k)+2))
	}
	f.SetColWidth(sheet, "A", "A", width)
	f.SetColWidth(sheet, "B", lastCol, 10)
	f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
	if len(keys) == 0 {
		return nil
	}
	var series []excelize.ChartSeries
	for i := range pipeline.Levels {
		col, _ := excelize.ColumnNumberToName(i + 2)
		series = append(series, excelize.ChartSeries{
			Name:       fmt.Sprintf("'%s'!$%s$1", sheet, col),
			Categories: fmt.Sprintf("'%s'!$A$2:$A$%d", sheet, last-1),
			Values:     fmt.Sprintf("'%s'!$%s$2:$%s$%d", sheet, col, col, last-1),
		})
	}
	for r := 1; r <= last; r++ {
		f.SetRowHeight(sheet, r, 20)
	}
	orient, size, fit := "landscape", 9, 1
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &orient, Size: &size, FitToWidth: &fit, FitToHeight: &fit}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: boolPtr(true)}); err != nil {
		return err
	}
	// Below the table, so the chart prints on the same page as its numbers.
	return f.AddChart(sheet, fmt.Sprintf("A%d", last+2), &excelize.Chart{
		Type:      excelize.ColStacked,
		Series:    series,
		Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title}}},
		Legend:    excelize.ChartLegend{Position: "bottom"},
		Dimension: excelize.ChartDimension{Width: uint(min(480+40*len(keys), 1600)), Height: 320},
		PlotArea:  excelize.ChartPlotArea{ShowVal: true},
		XAxis:     excelize.ChartAxis{Font: excelize.Font{Color: "000000"}},
		YAxis:     excelize.ChartAxis{Font: excelize.Font{Color: "000000"}, MajorGridLines: true},
	})
}

// progress writes 帮扶进度: each step of each case done / 待办 / 逾期 in colour, then
// every staff member's open to-dos, so each 班主任 and 辅导员 finds their own list.
func (b *book) progress() *sheetJob {
	t := &table{header: []string{"学号", "姓名", "班级", "警示类别"}}
	for _, s := range pipeline.Steps {
		t.header = append(t.header, string(s))
	}
	for _, c := range b.cases {
		row := []cell{b.s(string(c.Student.ID)), b.s(c.Student.Name), b.s(c.Student.Class), b.s(string(c.Warning.Level))}
		for _, s := range pipeline.Steps {
			row = append(row, b.s(b.stepStatus(c, s)))
		}
		t.rows = append(t.rows, row)
	}
	// Each person's open to-dos, below the table.
	type item struct {
		owner string
		c     *pipeline.Case
		fd    pipeline.Finding
	}
	var items []item
	for _, c := range b.cases {
		for _, fd := range b.todos[c.Student.ID] {
			owner := fd.Owner
			if owner == "" {
				owner = "（未指定）"
			}
			items = append(items, item{owner, c, fd})
		}
	}
	sort.SliceStable(items, func(i, j int) bool { return items[i].owner < items[j].owner })
	t.filterRows = len(t.rows)
	if len(items) > 0 {
		t.rows = append(t.rows, nil, []cell{{v: "各负责人待办", style: b.heading, span: -1}},
			[]cell{{v: "负责人", style: b.header}, {v: "学号", style: b.header}, {v: "姓名", style: b.header}, {v: "班级", style: b.header},
				{v: "步骤", style: b.header}, {v: "状态", style: b.header}, {v: "待办事项", style: b.header, span: -1}})
		for _, it := range items {
			status := pipeline.StatusOpen
			if it.fd.Overdue {
				status = pipeline.StatusOverdue
			}
			t.rows = append(t.rows, []cell{b.s(it.owner), b.s(string(it.c.Student.ID)), b.s(it.c.Student.Name), b.s(it.c.Student.Class),
				b.s(string(it.fd.Step)), b.s(string(status)), {v: safeText(messageZH(it.fd)), style: b.wrap, span: -1}})
		}
	}
	sheet := SheetProgress
	lastCol, _ := excelize.ColumnNumberToName(len(t.header))
	area := fmt.Sprintf("E2:%s%d", lastCol, max(len(t.rows)+1, 2))
	return &sheetJob{sheet: sheet, t: t, extra: func() error { return b.statusColours(sheet, area) }}
}

// statusColours adds conditional formats: 完成 green, 待办 yellow, 逾期 red.
func (b *book) statusColours(sheet, area string) error {
	var opts []excelize.ConditionalFormatOptions
	for _, c := range []struct{ value, fill, font string }{
		{string(pipeline.StatusDone), "C6EFCE", "006100"}, {string(pipeline.StatusOpen), "FFEB9C", "9C5700"}, {string(pipeline.StatusOverdue), "FFC7CE", "9C0006"},
	} {
		id, err := b.f.NewConditionalStyle(&excelize.Style{Font: &excelize.Font{Color: c.font},
			Fill: excelize.Fill{Type: "pattern", Color: []string{c.fill}, Pattern: 1}})
		if err != nil {
			return err
		}
		opts = append(opts, excelize.ConditionalFormatOptions{Type: "cell", Criteria: "==", Value: `"` + c.value + `"`, Format: &id})
	}
	return b.f.SetConditionalFormat(sheet, area, opts)
}

// talks writes 谈话记录: one row per interview.
func (b *book) talks() *sheetJob {
	t := &table{header: []string{"谈话时间", "学号", "姓名", "班级", "约谈次数", "谈话人", "角色", "约谈方式", "谈话方式", "谈话主题", "地点"}}
	type row struct {
		c *pipeline.Case
		i int
	}
	var rows []row
	for _, c := range b.cases {
		for i := range c.Interviews {
			rows = append(rows, row{c, i})
		}
	}
	sort.SliceStable(rows, func(i, j int) bool {
		a, b := rows[i].c.Interviews[rows[i].i].Date, rows[j].c.Interviews[rows[j].i].Date
		if c := a.Compare(b.Date); c != 0 {
			return c < 0
		}
		return a.Hour*60+a.Min < b.Hour*60+b.Min
	})
	for _, r := range rows {
		iv := r.c.Interviews[r.i]
		var roles, topics []string
		for _, role := range b.in.Repo.Config.RolesOf(iv.By, &r.c.Student) {
			roles = append(roles, string(role))
		}
		for _, tp := range iv.Topics {
			topics = append(topics, string(tp))
		}
		t.rows = append(t.rows, []cell{b.s(iv.Date.String()), b.s(string(r.c.Student.ID)), b.s(r.c.Student.Name), b.s(r.c.Student.Class),
			b.s(fmt.Sprintf("第 %d 次", r.i+1)), b.s(iv.By), b.s(strings.Join(roles, "、")), b.s(string(iv.InitiatedBy)), b.s(string(iv.Method)),
			b.s(strings.Join(topics, "、")), b.s(iv.Place)})
	}
	return &sheetJob{sheet: SheetTalks, t: t}
}

// peer writes 朋辈帮扶: one row per pairing, the bank account masked but its last 4 digits.
func (b *book) peer() *sheetJob {
	t := &table{header: []string{"学号", "姓名", "班级", "帮扶人", "帮扶人学号", "帮扶人专业", "银行账号", "被帮扶人数", "班级评议", "院系审核", "学校审核"}}
	for _, c := range b.cases {
		ps := c.PeerSupport
		if ps == nil {
			continue
		}
		mentees := cell{style: b.text}
		if ps.Mentees != nil {
			mentees = b.n(*ps.Mentees)
		}
		acct := ""
		if ps.Mentor.BankAccount != "" {
			acct = ps.Mentor.BankAccount.Masked()
		}
		t.rows = append(t.rows, []cell{b.s(string(c.Student.ID)), b.s(c.Student.Name), b.s(c.Student.Class), b.s(ps.Mentor.Name),
			b.s(string(ps.Mentor.ID)), b.s(ps.Mentor.Major), b.s(acct), mentees,
			b.s(opinion(ps.ClassOpinion)), b.s(opinion(ps.CollegeOpinion)), b.s(opinion(ps.SchoolOpinion))})
	}
	return &sheetJob{sheet: SheetPeer, t: t}
}

func opinion(o pipeline.Opinion) string {
	s := o.Text
	if !o.Date.IsZero() {
		s = strings.TrimSpace(s + " " + o.Date.String())
	}
	return s
}

// history writes 跨学期跟踪: students with cases in more than one semester, their level
// in each, and escalation (two semesters in a row, or three in all) marked.
func (b *book) history() *sheetJob {
	sems := b.in.Repo.Semesters()
	var upto []pipeline.Semester
	for _, s := range sems {
		if s <= b.in.Semester {
			upto = append(upto, s)
		}
	}
	t := &table{header: []string{"学号", "姓名", "班级"}}
	for _, s := range upto {
		t.header = append(t.header, string(s))
	}
	t.header = append(t.header, "受警示学期数", "升级标记")
	esc := map[pipeline.StudentID]pipeline.Escalation{}
	for _, e := range pipeline.Escalations(&pipeline.Repo{Config: b.in.Repo.Config, Cases: casesUpTo(b.in.Repo.Cases, b.in.Semester)}) {
		esc[e.ID] = e
	}
	history := b.in.Repo.Histories()
	for _, c := range b.cases {
		hist := history[c.Student.ID]
		level := map[pipeline.Semester]string{}
		n := 0
		for _, h := range hist {
			if h.Semester <= b.in.Semester {
				level[h.Semester] = string(h.Warning.Level)
				n++
			}
		}
		if n < 2 {
			continue
		}
		row := []cell{b.s(string(c.Student.ID)), b.s(c.Student.Name), b.s(c.Student.Class)}
		for _, s := range upto {
			row = append(row, b.s(level[s]))
		}
		mark := ""
		if e, ok := esc[c.Student.ID]; ok {
			mark = map[pipeline.Code]string{pipeline.EscalationConsecutive: "连续两学期受警示", pipeline.EscalationTotal: "累计三学期及以上"}[e.Reason]
		}
		row = append(row, b.n(n), b.s(mark))
		t.rows = append(t.rows, row)
	}
	return &sheetJob{sheet: SheetHistory, t: t}
}

func casesUpTo(cs []*pipeline.Case, sem pipeline.Semester) []*pipeline.Case {
	var out []*pipeline.Case
	for _, c := range cs {
		if c.Semester <= sem {
			out = append(out, c)
		}
	}
	return out
}

// surveys writes 学情学风: one row per class survey, with the students of concern and
// which of them have no case yet (四(一)3).
func (b *book) surveys() *sheetJob {
	t := &table{header: []string{"班级", "班主任", "教学信息员", "调查日期", "出勤率", "学风概况", "需关注学生", "尚无个案的学生"}, wrap: map[int]bool{5: true, 6: true}}
	has := map[pipeline.StudentID]bool{}
	for _, c := range b.cases {
		has[c.Student.ID] = true
	}
	var ss []*pipeline.Survey
	for _, s := range b.in.Repo.Surveys {
		if s.Semester == b.in.Semester {
			ss = append(ss, s)
		}
	}
	sort.Slice(ss, func(i, j int) bool { return ss[i].Class < ss[j].Class })
	for _, s := range ss {
		var concerns, missing []string
		for _, c := range s.Concerns {
			concerns = append(concerns, strings.TrimSpace(string(c.ID)+" "+c.Reason))
			if !has[c.ID] {
				missing = append(missing, string(c.ID))
			}
		}
		rate := cell{style: b.text}
		if s.AttendanceRate != nil {
			rate = cell{v: *s.AttendanceRate, style: b.percent}
		}
		t.rows = append(t.rows, []cell{b.s(s.Class), b.s(b.in.Repo.Config.Classes[s.Class].HeadTeacher), b.s(s.Informant), b.s(s.Date.String()),
			rate, b.w(s.Climate), b.w(strings.Join(concerns, "\n")), b.s(strings.Join(missing, "、"))})
	}
	return &sheetJob{sheet: SheetSurveys, t: t}
}

// Package workbook writes a semester's summary workbook, 学业警示处理结果汇总表.xlsx,
// with excelize: every case, statistics with charts, each step's progress, the
// interviews, the pairings, students followed across semesters and the class surveys.
// It is what the 教学秘书 sends to the 组长, the 专业负责人 and each 班主任 (四(二)1, 二(三)).
package workbook

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/gxu-fl/bangfu/pipeline"
	"github.com/gxu-fl/bangfu/pipeline/i18n"
	"github.com/gxu-fl/bangfu/pipeline/textwidth"
	"github.com/xuri/excelize/v2"
)

// FileName is the workbook's name in each semester's output folder.
const FileName = "学业警示处理结果汇总表.xlsx"

// The sheets, in the order the workbook shows them.
const (
	SheetSummary  = "汇总表"
	SheetByMajor  = "按专业统计"
	SheetByClass  = "按班级统计"
	SheetProgress = "帮扶进度"
	SheetTalks    = "谈话记录"
	SheetPeer     = "朋辈帮扶"
	SheetHistory  = "跨学期跟踪"
	SheetSurveys  = "学情学风"
)

// Sheets lists every sheet name in order.
var Sheets = []string{SheetSummary, SheetByMajor, SheetByClass, SheetProgress, SheetTalks, SheetPeer, SheetHistory, SheetSurveys}

// MaxCellText is Excel's limit on the characters of one cell.
const MaxCellText = 32767

// truncMark ends a text cut at MaxCellText, so a reader sees it was cut.
const truncMark = "…（内容过长，已截断）"

// Input is what a semester's workbook is made from.
type Input struct {
	Repo     *pipeline.Repo // records without errors, of every semester
	Semester pipeline.Semester
	// Findings are the to-dos (待办) of the repository; those of this semester's cases are shown.
	Findings []pipeline.Finding
	// TmpDir is a private folder for excelize's temporary files (they hold student data).
	TmpDir string
	// Parts, when set, keeps sheets from one write to the next (bangfu watch).
	Parts *PartCache
}

// Write writes the workbook of in.Semester to w.
func Write(w io.Writer, in Input) error {
	f := excelize.NewFile(excelize.Options{TmpDir: in.TmpDir})
	defer f.Close()
	zw := &sortedZip{reuse: map[string]cachedPart{}, cache: in.Parts, streamed: map[string][32]byte{}}
	f.SetZipWriter(func(out io.Writer) excelize.ZipWriter { zw.out = out; return zw })
	b := &book{f: f, in: in, cases: in.Repo.CasesOf(in.Semester)}
	b.todos = pipeline.TodosByStudent(in.Findings, in.Semester)
	if err := b.styles(); err != nil {
		return err
	}
	for i, name := range Sheets {
		if i == 0 {
			if err := f.SetSheetName("Sheet1", name); err != nil {
				return err
			}
			continue
		}
		if _, err := f.NewSheet(name); err != nil {
			return err
		}
	}
	// Before any sheet is streamed: afterwards excelize would read every streamed sheet back.
	f.SetActiveSheet(0)
	if err := b.statistics(); err != nil {
		return err
	}
	// The streamed sheets: their rows are gathered in parallel, each sheet is opened
	// through the File in turn, its rows streamed in parallel (a StreamWriter touches
	// only its own sheet), and each is flushed in turn.
	makers := []func() *sheetJob{b.summary, b.progress, b.talks, b.peer, b.history, b.surveys}
	jobs := make([]*sheetJob, len(makers))
	parallel(len(makers), func(i int) error { jobs[i] = makers[i](); return nil })
	if in.Parts != nil {
		parallel(len(jobs), func(i int) error { jobs[i].sum = jobs[i].hash(); return nil })
	}
	for _, j := range jobs {
		j.part = sheetPart(j.sheet)
		if p, ok := in.Parts.get(j.part, j.sum); ok {
			j.cached = true
			zw.reuse[j.part] = p
		} else if in.Parts != nil {
			zw.streamed[j.part] = j.sum
		}
		if err := b.open(j); err != nil {
			return err
		}
	}
	if err := parallel(len(jobs), func(i int) error {
		if jobs[i].cached {
			return nil // the previous part is put back by the zip writer
		}
		return b.rows(jobs[i])
	}); err != nil {
		return err
	}
	for _, j := range jobs {
		if err := j.sw.Flush(); err != nil {
			return err
		}
	}
	title := fmt.Sprintf("%s %s 学业警示处理结果汇总表", in.Repo.Config.College, in.Semester.Title())
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "bangfu", Title: title, Subject: string(in.Semester), Language: "zh-CN"}); err != nil {
		return err
	}
	return f.Write(w)
}

type book struct {
	f     *excelize.File
	in    Input
	cases []*pipeline.Case
	todos map[pipeline.StudentID][]pipeline.Finding

	header, text, wrap, number, decimal, percent, heading int
}

func (b *book) styles() error {
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "top", Color: "000000", Style: 1},
		{Type: "right", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	font := &excelize.Font{Family: "宋体", Size: 10.5}
	var err error
	mk := func(s *excelize.Style) int {
		if err != nil {
			return 0
		}
		id, e := b.f.NewStyle(s)
		err = e
		return id
	}
	b.header = mk(&excelize.Style{Border: border, Font: &excelize.Font{Family: "宋体", Size: 10.5, Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Color: []string{"D9E1F2"}, Pattern: 1},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	b.text = mk(&excelize.Style{Border: border, Font: font, Alignment: &excelize.Alignment{Vertical: "top"}})
	b.wrap = mk(&excelize.Style{Border: border, Font: font, Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}})
	b.number = mk(&excelize.Style{Border: border, Font: font, Alignment: &excelize.Alignment{Vertical: "top", Horizontal: "right"}})
	b.decimal = mk(&excelize.Style{Border: border, Font: font, NumFmt: 2, Alignment: &excelize.Alignment{Vertical: "top"}})
	b.percent = mk(&excelize.Style{Border: border, Font: font, NumFmt: 10, Alignment: &excelize.Alignment{Vertical: "top"}})
	b.heading = mk(&excelize.Style{Font: &excelize.Font{Family: "宋体", Size: 12, Bold: true}})
	return err
}

// cell is one value of a table and how it is shown.
type cell struct {
	v     any // string, int or float64; nil is an empty cell
	style int
	span  int // columns the cell is merged across (to the table's last column when -1)
}

// table is a sheet's rows before they are written: widths are fitted to them first.
type table struct {
	header []string
	rows   [][]cell
	wrap   map[int]bool // columns of long text, wrapped at a fixed width
	// filterRows limits the auto-filter to the first rows (0: all), when another table follows.
	filterRows int
}

func (b *book) s(v string) cell { return cell{v: safeText(v), style: b.text} }
func (b *book) w(v string) cell { return cell{v: safeText(v), style: b.wrap} }
func (b *book) n(v int) cell    { return cell{v: v, style: b.number} }
func (b *book) opt(v *float64) cell {
	if v == nil {
		return cell{style: b.text}
	}
	return cell{v: *v, style: b.decimal}
}

// safeText keeps text within Excel's cell limit, with a visible mark where it was cut.
// (Text is always written as a string cell, so "=..." never becomes a formula.)
func safeText(s string) string {
	if utf8.RuneCountInString(s) <= MaxCellText {
		return s
	}
	r := []rune(s)
	return string(r[:MaxCellText-utf8.RuneCountInString(truncMark)]) + truncMark
}

// displayWidth counts a CJK (wide) character as two columns, as Excel lays them out.
func displayWidth(s string) int { return textwidth.Of(s) }

// widths fits each column to its widest value (wrapped columns to a fixed width).
func (t *table) widths() []float64 {
	ws := make([]float64, len(t.header))
	for i, h := range t.header {
		ws[i] = float64(displayWidth(h))
	}
	for _, r := range t.rows {
		for i, c := range r {
			if i >= len(ws) {
				break
			}
			if c.span != 0 {
				continue // merged across columns: it fits them, it does not size them
			}
			var s string
			switch v := c.v.(type) {
			case string:
				s = v
			case nil:
			case float64:
				s = fmt.Sprintf("%.2f", v)
			default:
				s = fmt.Sprint(v)
			}
			ws[i] = max(ws[i], float64(displayWidth(s)))
		}
	}
	for i := range ws {
		ws[i] = min(ws[i]+2, 50)
		if t.wrap[i] {
			ws[i] = 40
		}
		ws[i] = max(ws[i], 6)
	}
	return ws
}

// sheetJob is one streamed sheet: its rows, gathered first, then written.
type sheetJob struct {
	sheet  string
	t      *table
	extra  func() error // sheet-specific setup before streaming (conditional formats)
	sw     *excelize.StreamWriter
	widths []float64

	part   string   // its package part
	sum    [32]byte // the hash of its rows
	cached bool     // its part from the last write is reused
}

// sheetPart is a sheet's part in the package: sheets are made in the order of Sheets.
func sheetPart(sheet string) string {
	for i, s := range Sheets {
		if s == sheet {
			return fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1)
		}
	}
	return ""
}

// open prepares a streamed sheet through the File: the used range (readers that trust
// <dimension> see every row), the filter, the page setup, widths fitted, header frozen.
// It must run on one goroutine at a time.
func (b *book) open(j *sheetJob) error {
	sheet, t := j.sheet, j.t
	cols := len(t.header)
	last := max(len(t.rows)+1, 1)
	lastCell, _ := excelize.CoordinatesToCellName(cols, last)
	if err := b.f.SetSheetDimension(sheet, "A1:"+lastCell); err != nil {
		return err
	}
	filterTo := lastCell
	if t.filterRows > 0 {
		filterTo, _ = excelize.CoordinatesToCellName(cols, t.filterRows+1)
	}
	if err := b.f.AutoFilter(sheet, "A1:"+filterTo, nil); err != nil {
		return err
	}
	// After the filter: AutoFilter replaces the sheet properties the page setup sets.
	// (A sheet outside a semester's workbook, the audit, has no semester page header.)
	if b.in.Repo != nil {
		if err := b.printSetup(sheet); err != nil {
			return err
		}
	}
	if j.extra != nil {
		if err := j.extra(); err != nil {
			return err
		}
	}
	sw, err := b.f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	j.sw = sw
	if j.cached {
		return nil // widths and panes live in the part, which is reused whole
	}
	j.widths = t.widths()
	for i, wd := range j.widths {
		if err := sw.SetColWidth(i+1, i+1, wd); err != nil {
			return err
		}
	}
	return sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"})
}

// rows streams a sheet's header and rows; sheets may stream in parallel.
func (b *book) rows(j *sheetJob) error {
	sw, t, widths := j.sw, j.t, j.widths
	cols := len(t.header)
	head := make([]any, cols)
	for i, h := range t.header {
		head[i] = excelize.Cell{Value: h, StyleID: b.header}
	}
	if err := sw.SetRow("A1", head, excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	row := make([]any, cols)
	for r, cells := range t.rows {
		// A merged, wrapped cell does not grow its row: size the row to its text.
		var opts []excelize.RowOpts
		for i, c := range cells {
			if text, ok := c.v.(string); ok && c.span == -1 && i < cols {
				room := 0.0
				for _, w := range widths[i:] {
					room += w
				}
				lines := int(float64(displayWidth(text))/max(room-2, 1)) + 1 + strings.Count(text, "\n")
				if lines > 1 {
					opts = append(opts, excelize.RowOpts{Height: min(15*float64(lines), 409)})
				}
			}
		}
		for i := range row {
			row[i] = excelize.Cell{StyleID: b.text}
			if i < len(cells) {
				row[i] = excelize.Cell{Value: cells[i].v, StyleID: cells[i].style}
			}
		}
		name, _ := excelize.CoordinatesToCellName(1, r+2)
		if err := sw.SetRow(name, row, opts...); err != nil {
			return err
		}
		for i, c := range cells {
			if c.span == 0 {
				continue
			}
			from, _ := excelize.CoordinatesToCellName(i+1, r+2)
			to, _ := excelize.CoordinatesToCellName(cols, r+2)
			if c.span > 0 {
				to, _ = excelize.CoordinatesToCellName(i+c.span, r+2)
			}
			if err := sw.MergeCell(from, to); err != nil {
				return err
			}
		}
	}
	return nil
}

// parallel runs f(0..n-1) on up to GOMAXPROCS goroutines and returns the first error.
func parallel(n int, f func(i int) error) error {
	var wg sync.WaitGroup
	errs := make([]error, n)
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := 0; i < n; i++ {
		wg.Add(1)
		sem <- struct{}{}
		go func(i int) {
			defer wg.Done()
			defer func() { <-sem }()
			errs[i] = f(i)
		}(i)
	}
	wg.Wait()
	return errors.Join(errs...)
}

// summary is 汇总表: one row per case in class then id order, with every column of the spec.
func (b *book) summary() *sheetJob {
	t := &table{header: []string{"序号", "学号", "姓名", "性别", "年级", "专业", "班级", "警示类别", "名单来源", "不及格课程数", "不及格学分",
		"平均学分绩点", "困难类型", "班主任", "辅导员", "学生确认", "家长联系", "谈话次数", "学习计划", "朋辈帮扶", "学期评估", "处理建议", "待办"},
		wrap: map[int]bool{22: true}}
	cfg := b.in.Repo.Config
	for i, c := range b.cases {
		cl := cfg.Classes[c.Student.Class]
		credits := 0.0
		for _, fc := range c.Warning.FailedCourses {
			if fc.Credits != nil {
				credits += *fc.Credits
			}
		}
		var kinds []string
		for _, d := range c.Difficulty {
			kinds = append(kinds, string(d))
		}
		plan := "未制定"
		if c.StudyPlan != nil && c.StudyPlan.Plan != "" {
			plan = "已制定"
			if pipeline.StepStatus(c, b.todos[c.Student.ID], pipeline.StepReview) == pipeline.StatusDone {
				plan = "已审核"
			}
		}
		peer := ""
		if c.PeerSupport != nil {
			peer = c.PeerSupport.Mentor.Name
		}
		progress, rec := "", ""
		if c.Evaluation != nil {
			progress, rec = string(c.Evaluation.Progress), string(c.Evaluation.Recommendation)
		}
		source := string(c.Warning.Source)
		if source == "" {
			source = string(pipeline.SourceOffice)
		}
		contacts := ""
		if n := len(c.ParentContacts); n > 0 {
			contacts = fmt.Sprintf("%d 次", n)
		}
		var todo []string
		for _, fd := range b.todos[c.Student.ID] {
			todo = append(todo, i18n.Message(i18n.ZH, fd))
		}
		grade := ""
		if cl.Grade > 0 {
			grade = fmt.Sprint(cl.Grade)
		}
		t.rows = append(t.rows, []cell{
			b.n(i + 1), b.s(string(c.Student.ID)), b.s(c.Student.Name), b.s(string(c.Student.Gender)), b.s(grade), b.s(cl.Major),
			b.s(c.Student.Class), b.s(string(c.Warning.Level)), b.s(source), b.n(len(c.Warning.FailedCourses)), {v: credits, style: b.number},
			b.opt(c.Warning.GPA), b.s(strings.Join(kinds, "、")), b.s(cl.HeadTeacher), b.s(cl.Counselor), b.s(c.Warning.ConfirmedOn.String()),
			b.s(contacts), b.n(len(c.Interviews)), b.s(plan), b.s(peer), b.s(progress), b.s(rec), b.w(strings.Join(todo, "\n")),
		})
	}
	return &sheetJob{sheet: SheetSummary, t: t}
}

// printSetup prints a sheet on A4 landscape, one page wide, with the college, the
// semester and the sheet in the page header and the header row on every page.
func (b *book) printSetup(sheet string) error {
	orient, size, fit, zero := "landscape", 9, 1, 0
	if err := b.f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Orientation: &orient, Size: &size, FitToWidth: &fit, FitToHeight: &zero}); err != nil {
		return err
	}
	if err := b.f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: boolPtr(true)}); err != nil {
		return err
	}
	title := fmt.Sprintf("%s %s 学业警示处理结果汇总表", b.in.Repo.Config.College, b.in.Semester.Title())
	if sheet != SheetSummary {
		title += " · " + sheet
	}
	if err := b.f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddHeader: "&C" + escapeHF(title), OddFooter: "&C第 &P 页，共 &N 页"}); err != nil {
		return err
	}
	return b.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!$1:$1", Scope: sheet})
}

func boolPtr(v bool) *bool { return &v }

// escapeHF escapes & in page header text.
func escapeHF(s string) string { return strings.ReplaceAll(s, "&", "&&") }

// stepStatus is one step of a case, from its to-dos (the domain's rule).
func (b *book) stepStatus(c *pipeline.Case, step pipeline.Step) string {
	return string(pipeline.StepStatus(c, b.todos[c.Student.ID], step))
}

func messageZH(fd pipeline.Finding) string { return i18n.Message(i18n.ZH, fd) }

package workbook

import (
	"io"

	"github.com/xuri/excelize/v2"
)

// AuditRow is one field change of one commit, as the audit sheet lists it.
type AuditRow struct {
	Time, Author, Commit, Subject, File, Field, Change, Old, New string
}

// WriteAudit writes the changes as one sheet: the term's audit record for the archive.
func WriteAudit(w io.Writer, title string, rows []AuditRow) error {
	f := excelize.NewFile()
	defer f.Close()
	f.SetZipWriter(func(out io.Writer) excelize.ZipWriter { return &sortedZip{out: out, reuse: map[string]cachedPart{}} })
	b := &book{f: f}
	if err := b.styles(); err != nil {
		return err
	}
	sheet := "修改记录"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	t := &table{header: []string{"时间", "作者", "提交", "说明", "文件", "字段", "变化", "原值", "新值"}}
	for _, r := range rows {
		t.rows = append(t.rows, []cell{b.s(r.Time), b.s(r.Author), b.s(r.Commit), b.s(r.Subject), b.s(r.File), b.s(r.Field), b.s(r.Change), b.s(r.Old), b.s(r.New)})
	}
	j := &sheetJob{sheet: sheet, t: t}
	if err := b.open(j); err != nil {
		return err
	}
	if err := b.rows(j); err != nil {
		return err
	}
	if err := j.sw.Flush(); err != nil {
		return err
	}
	if err := f.SetDocProps(&excelize.DocProperties{Creator: "bangfu", Title: title}); err != nil {
		return err
	}
	return f.Write(w)
}

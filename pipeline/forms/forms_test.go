package forms_test

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/gxu-fl/bangfu/pipeline"
	"github.com/gxu-fl/bangfu/pipeline/docx"
	"github.com/gxu-fl/bangfu/pipeline/forms"
	"github.com/gxu-fl/bangfu/pipeline/store"
	"github.com/gxu-fl/bangfu/templates"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

func demo(t *testing.T) *pipeline.Repo {
	t.Helper()
	repo, fs, err := store.Load("../..")
	if err != nil || len(fs) > 0 {
		t.Fatalf("demo: %v %v", err, fs)
	}
	return repo
}

func template(t *testing.T, f forms.Form) *docx.Template {
	t.Helper()
	data, err := fs.ReadFile(templates.FS, f.Template)
	if err != nil {
		t.Fatal(err)
	}
	tpl, errs := docx.Parse(f.Template, data, f.Schema)
	if len(errs) > 0 {
		t.Fatalf("built-in %s: %v", f.Template, errs)
	}
	return tpl
}

func findCase(t *testing.T, r *pipeline.Repo, sem pipeline.Semester, id pipeline.StudentID) *pipeline.Case {
	for _, c := range r.Cases {
		if c.Semester == sem && c.Student.ID == id {
			return c
		}
	}
	t.Fatalf("no case %s %s", sem, id)
	return nil
}

// TestGolden renders one document of each form from the demo and compares what a
// reader sees (text and table structure, not zip bytes) with testdata/*.golden.
func TestGolden(t *testing.T) {
	r := demo(t)
	a := findCase(t, r, "2026-2027-1", "2025010103")
	b := findCase(t, r, "2025-2026-2", "2025010207")
	var meeting *pipeline.Meeting
	for _, m := range r.Meetings {
		if strings.HasSuffix(m.Source.File, "2026-09-25-跟班试读.yaml") {
			meeting = m
		}
	}
	tests := []struct {
		name string
		form forms.Form
		v    docx.Values
	}{
		{"附件1_跟班试读座谈会", forms.Meeting, forms.MeetingValues(r, meeting)},
		{"附件2_张晓明", forms.Peer, forms.PeerValues(r, a, "")},
		{"附件2_张晓明_private_account", forms.Peer, forms.PeerValues(r, a, "6217850000000000005")},
		{"附件3_林雨桐_第2次", forms.Interview, forms.InterviewValues(r, b, 1)},
		{"附件4_张晓明", forms.Plan, forms.PlanValues(r, a)},
		{"附件4_邓子豪_just_imported", forms.Plan, forms.PlanValues(r, findCase(t, r, "2026-2027-1", "2025010118"))},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := docx.PlainText(template(t, tt.form).Body(tt.v))
			if err != nil {
				t.Fatal(err)
			}
			golden := filepath.Join("testdata", tt.name+".golden")
			if *update {
				os.WriteFile(golden, []byte(got), 0o644)
				return
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatal(err)
			}
			if got != string(want) {
				t.Errorf("got\n%s\nwant\n%s", got, want)
			}
		})
	}
}

// TestValuesMatchSchema: every form fills exactly the tags its schema declares, so a
// template may use any of them and none is silently empty.
func TestValuesMatchSchema(t *testing.T) {
	r := demo(t)
	c := findCase(t, r, "2026-2027-1", "2025010103")
	for _, tt := range []struct {
		form forms.Form
		v    docx.Values
	}{
		{forms.Meeting, forms.MeetingValues(r, r.Meetings[0])},
		{forms.Peer, forms.PeerValues(r, c, "")},
		{forms.Interview, forms.InterviewValues(r, c, 0)},
		{forms.Plan, forms.PlanValues(r, c)},
	} {
		var got, want []string
		for k := range tt.v {
			got = append(got, k)
		}
		want = append(want, tt.form.Schema.Fields...)
		for l := range tt.form.Schema.Lists {
			want = append(want, l)
		}
		sort.Strings(got)
		sort.Strings(want)
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s fills\n%v\nschema says\n%v", tt.form.Key, got, want)
		}
		for l, fields := range tt.form.Schema.Lists {
			for _, row := range tt.v[l].Rows {
				for _, f := range fields {
					if _, ok := row[f]; !ok && l != "students" {
						t.Errorf("%s list %s row lacks %s", tt.form.Key, l, f)
					}
				}
			}
		}
	}
}

func TestSemesterTitleAndDates(t *testing.T) {
	if got := pipeline.Semester("2025-2026-2").Title(); got != "2025-2026学年第二学期" {
		t.Error(got)
	}
	if got := forms.DateLine(pipeline.NewDate(2025, 10, 1)); got != "2025 年 10 月 1 日" {
		t.Error(got)
	}
	if got := forms.DateLine(pipeline.Date{}); strings.TrimSpace(strings.ReplaceAll(got, "　", "")) != "年月日" {
		t.Errorf("a missing date must leave room for a pen: %q", got)
	}
}

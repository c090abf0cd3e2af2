package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/gxu-fl/bangfu/pipeline"
	"github.com/gxu-fl/bangfu/pipeline/i18n"
	"github.com/gxu-fl/bangfu/pipeline/jiaowu"
	"github.com/gxu-fl/bangfu/pipeline/store"
)

func init() {
	register(&command{
		name:    "import",
		usage:   "名单.xlsx --semester 学期 [--dry-run]",
		summary: "导入教务系统导出的学业警示名单：新学生建个案；已有个案只更新名单里的内容（学生信息、教务处的警示），老师写的内容和注释不动",
		example: "  bangfu import 学业警示名单.xlsx --semester 2025-2026-1 --dry-run\n  bangfu import 学业警示名单.xlsx --semester 2025-2026-1",
		bind: func(fs *flag.FlagSet) runFunc {
			sem := fs.String("semester", "", "the semester the list is for (required)")
			dry := fs.Bool("dry-run", false, "show what would change, write nothing")
			return func(ctx context.Context, e *env, args []string) error {
				if len(args) != 1 || *sem == "" {
					return usageError{msg: "import FILE.xlsx --semester SEMESTER [--dry-run]"}
				}
				s, err := pipeline.ParseSemester(*sem)
				if err != nil {
					return badSemester(*sem)
				}
				return importList(ctx, e, args[0], s, *dry)
			}
		},
	})
}

// listRow is what one row of the list says of a student, checked.
type listRow struct {
	row    int
	id     pipeline.StudentID
	name   string
	gender pipeline.Gender
	class  string
	level  pipeline.Level
	gpa    string
	rank   string
	failed []string
}

func importList(ctx context.Context, e *env, file string, sem pipeline.Semester, dry bool) error {
	root, repo, _, err := e.load(ctx)
	if err != nil {
		return err
	}
	f, err := os.Open(file)
	if err != nil {
		return runError{err.Error()}
	}
	defer f.Close()
	l, err := jiaowu.Read(f)
	if err != nil {
		return runError{fmt.Sprintf("%s: %v", file, err)}
	}
	zh := e.lang != i18n.EN
	say := func(z, en string, args ...any) {
		if zh {
			fmt.Fprintf(e.stdout, z+"\n", args...)
		} else {
			fmt.Fprintf(e.stdout, en+"\n", args...)
		}
	}
	var used []string
	for _, fld := range l.Fields() {
		used = append(used, fmt.Sprintf("%s(%s)", l.Columns[fld], l.ColumnOf[fld]))
	}
	say("%s：工作表“%s”，第 %d 行是表头", "%s: sheet %q, header on row %d", file, l.Sheet, l.HeaderRow)
	say("  使用的列：%s", "  columns used: %s", strings.Join(used, "、"))
	if len(l.Ignored) > 0 {
		say("  忽略的列：%s", "  columns ignored: %s", strings.Join(l.Ignored, "、"))
	}

	problems := 0
	problem := func(r jiaowu.Row, fld jiaowu.Field, msg string) {
		problems++
		cell := fmt.Sprintf("%s%d", l.ColumnOf[fld], r.Row)
		fmt.Fprintf(e.stdout, "  ! %s:%s:%s %s\n", filepath.Base(file), l.Sheet, cell, msg)
	}
	re := repo.Config.IDPattern()
	seen := map[pipeline.StudentID]int{}
	var rows []listRow
	for _, r := range l.Rows {
		c := r.Cells
		var id pipeline.StudentID
		if err := id.Set(c[jiaowu.ID]); err != nil || id == "" || (re != nil && !re.MatchString(string(id))) {
			problem(r, jiaowu.ID, pick(zh, fmt.Sprintf("学号“%s”不对", c[jiaowu.ID]), fmt.Sprintf("bad student id %q", c[jiaowu.ID])))
			continue
		}
		if first, dup := seen[id]; dup {
			problem(r, jiaowu.ID, pick(zh, fmt.Sprintf("学号 %s 在第 %d 行已出现过，这一行未导入", id, first), fmt.Sprintf("%s already on row %d; this row is not imported", id, first)))
			continue
		}
		seen[id] = r.Row
		lr := listRow{row: r.Row, id: id, name: c[jiaowu.Name], class: c[jiaowu.Class], gpa: c[jiaowu.GPA], rank: c[jiaowu.Rank],
			failed: jiaowu.SplitCourses(c[jiaowu.FailedCourses])}
		if _, ok := repo.Config.Classes[lr.class]; !ok {
			hint := pipeline.Suggest(lr.class, slices.Sorted(maps.Keys(repo.Config.Classes)))
			problem(r, jiaowu.Class, pick(zh, fmt.Sprintf("班级“%s”不在 bangfu.yaml 的名册中%s", lr.class, pick(hint != "", "，是不是“"+hint+"”？", "")),
				fmt.Sprintf("class %q is not in the roster", lr.class)))
			continue
		}
		lv, ok := pipeline.LevelOf(c[jiaowu.Level])
		if !ok {
			problem(r, jiaowu.Level, pick(zh, fmt.Sprintf("警示类别“%s”不是 学业警示、跟班试读、退学试读 之一", c[jiaowu.Level]), fmt.Sprintf("level %q is not 学业警示, 跟班试读 or 退学试读", c[jiaowu.Level])))
			continue
		}
		lr.level = lv
		if g := pipeline.Gender(c[jiaowu.Gender]); pipeline.CheckEnum(string(g), g.Values()) == nil {
			lr.gender = g
		}
		if lr.gpa != "" {
			if _, err := strconv.ParseFloat(lr.gpa, 64); err != nil {
				problem(r, jiaowu.GPA, pick(zh, fmt.Sprintf("绩点“%s”不是数字，未导入这一项", lr.gpa), fmt.Sprintf("GPA %q is not a number; left out", lr.gpa)))
				lr.gpa = ""
			}
		}
		rows = append(rows, lr)
	}

	var created, updated, unchanged int
	existing := repo.CasesByID(sem)
	for _, lr := range rows {
		rel := store.CasePath(sem, lr.id)
		c, exists := existing[lr.id]
		if !exists {
			if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(rel))); err == nil {
				problems++
				fmt.Fprintf(e.stdout, "  ! %s: %s\n", rel, pick(zh, "文件有错误，未更新（先改正）", "has errors: not updated (fix it first)"))
				continue
			}
			created++
			fmt.Fprintf(e.stdout, "  + %s %s\n", rel, lr.name)
			if !dry {
				n := store.NewCase{Semester: sem, ID: lr.id, Name: lr.name, Gender: lr.gender, Class: lr.class, Level: lr.level,
					Source: pipeline.SourceOffice, GPA: lr.gpa, Rank: lr.rank, Failed: lr.failed, Class_: repo.Config.Classes[lr.class]}
				if err := store.WriteNew(root, rel, store.NewCaseYAML(n)); err != nil {
					return err
				}
			}
			continue
		}
		set := ownedChanges(c, lr)
		if len(set) == 0 {
			unchanged++
			continue
		}
		old, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(c.Source.File)))
		if err != nil {
			return err
		}
		patched, err := store.Patch(old, set)
		if err != nil {
			problems++
			fmt.Fprintf(e.stdout, "  ! %s: %s（%v）\n", c.Source.File, pick(zh, "无法安全地自动更新，请手工修改", "cannot be updated safely; edit it by hand"), err)
			continue
		}
		updated++
		var fields []string
		for k := range set {
			fields = append(fields, k)
		}
		fmt.Fprintf(e.stdout, "  ~ %s %s\n", c.Source.File, strings.Join(slices.Sorted(slices.Values(fields)), " "))
		if !dry {
			if err := store.Replace(root, c.Source.File, old, patched); err != nil {
				if errors.Is(err, store.ErrChanged) {
					problems++
					fmt.Fprintf(e.stdout, "  ! %s: %s\n", c.Source.File, pick(zh, "刚被别人修改过，未更新；请重新导入", "changed meanwhile; not updated: import again"))
					continue
				}
				return err
			}
		}
	}
	if zh {
		note := ""
		if dry {
			note = "（--dry-run，未写入）"
		}
		fmt.Fprintf(e.stdout, "新建 %d 个，更新 %d 个，未变 %d 个，问题 %d 条%s\n", created, updated, unchanged, problems, note)
	} else {
		fmt.Fprintf(e.stdout, "created %d, updated %d, unchanged %d, problems %d%s\n", created, updated, unchanged, problems, pick(dry, " (dry run: nothing written)", ""))
	}
	if problems > 0 {
		return findingsError{errors: problems}
	}
	return nil
}

// ownedChanges are the fields the list owns whose value it changes: the student's
// details, and the warning when the case is the 教务处's (never what staff added).
func ownedChanges(c *pipeline.Case, lr listRow) map[string]string {
	set := map[string]string{}
	put := func(path, cur, next string) {
		if next != "" && cur != next {
			set[path] = store.YAMLScalar(next)
		}
	}
	put("student.name", c.Student.Name, lr.name)
	put("student.gender", string(c.Student.Gender), string(lr.gender))
	put("student.class", c.Student.Class, lr.class)
	if c.Warning.Source != "" && c.Warning.Source != pipeline.SourceOffice {
		return set // a staff addition: its warning is theirs
	}
	put("warning.level", string(c.Warning.Level), string(lr.level))
	if lr.gpa != "" {
		g, _ := strconv.ParseFloat(lr.gpa, 64)
		if c.Warning.GPA == nil || *c.Warning.GPA != g {
			set["warning.gpa"] = lr.gpa
		}
	}
	put("warning.rank", c.Warning.Rank, lr.rank)
	if len(lr.failed) > 0 {
		var cur []string
		for _, fc := range c.Warning.FailedCourses {
			cur = append(cur, fc.Name)
		}
		// Only when the courses differ: credits and scores staff added to the same courses stay.
		if strings.Join(cur, "\x00") != strings.Join(lr.failed, "\x00") {
			set["warning.failed_courses"] = store.CoursesFlow(lr.failed)
		}
	}
	return set
}

package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"

	"github.com/gxu-fl/bangfu/pipeline"
	"github.com/gxu-fl/bangfu/pipeline/i18n"
	"github.com/gxu-fl/bangfu/pipeline/textwidth"
)

func init() {
	register(&command{
		name:    "status",
		usage:   "[学期] [--by class|staff] [--json]",
		summary: "帮扶进度一览：按班级或按负责人，各类别人数、步骤完成/待办/逾期，以及每人的待办清单",
		example: "  bangfu status\n  bangfu status 2025-2026-1 --by staff",
		bind: func(fs *flag.FlagSet) runFunc {
			by := fs.String("by", "class", "group by class or staff")
			asJSON := fs.Bool("json", false, "print as JSON")
			return func(ctx context.Context, e *env, args []string) error {
				if *by != "class" && *by != "staff" {
					return usageError{msg: "--by is class or staff"}
				}
				if len(args) > 1 {
					return usageError{msg: "status takes at most one semester"}
				}
				return status(ctx, e, args, *by, *asJSON)
			}
		},
	})
}

// group is one line of the status table: a class, or a staff member, and their cases.
type group struct {
	Name    string                 `json:"name"`
	Role    string                 `json:"role,omitempty"`
	Classes []string               `json:"classes"`
	Levels  map[pipeline.Level]int `json:"levels"`
	Cases   int                    `json:"cases"`
	Done    int                    `json:"steps_done"`
	Open    int                    `json:"steps_open"`
	Overdue int                    `json:"steps_overdue"`
	Todos   []todoJSON             `json:"todos"`

	staff []string // a class's 班主任 and 辅导员, for the table
}

type todoJSON struct {
	Student string `json:"student"`
	Name    string `json:"name"`
	Class   string `json:"class"`
	Step    string `json:"step"`
	Overdue bool   `json:"overdue"`
	Owner   string `json:"owner"`
	Message string `json:"message"`
}

func status(ctx context.Context, e *env, args []string, by string, asJSON bool) error {
	root, err := e.root()
	if err != nil {
		return err
	}
	repo, findings, today, err := newProject(e, root).load(ctx, nil)
	if err != nil {
		return err
	}
	sems := repo.Semesters()
	if len(sems) == 0 {
		return runError{pick(e.lang != i18n.EN, "还没有任何记录", "there are no records yet")}
	}
	sem := sems[len(sems)-1]
	if len(args) == 1 {
		if sem, err = pipeline.ParseSemester(args[0]); err != nil {
			return badSemester(args[0])
		}
	}
	todos := pipeline.TodosByStudent(findings, sem)
	groups := map[string]*group{}
	get := func(name, role string) *group {
		key := role + "\x00" + name
		if groups[key] == nil {
			groups[key] = &group{Name: name, Role: role, Levels: map[pipeline.Level]int{}}
		}
		return groups[key]
	}
	cfg := repo.Config
	for _, c := range repo.CasesOf(sem) {
		cl := cfg.Classes[c.Student.Class]
		var gs []*group
		if by == "class" {
			g := get(c.Student.Class, "")
			g.staff = []string{cl.HeadTeacher, cl.Counselor}
			gs = append(gs, g)
		} else {
			gs = append(gs, get(cl.HeadTeacher, string(pipeline.RoleHeadTeacher)), get(cl.Counselor, string(pipeline.RoleCounselor)))
			if c.Student.Advisor != "" && repo.YearOfStudy(c) >= 3 {
				gs = append(gs, get(c.Student.Advisor, string(pipeline.RoleAdvisor)))
			}
		}
		for _, g := range gs {
			if !slices.Contains(g.Classes, c.Student.Class) {
				g.Classes = append(g.Classes, c.Student.Class)
			}
			g.Cases++
			g.Levels[c.Warning.Level]++
			for _, s := range pipeline.Steps {
				switch pipeline.StepStatus(c, todos[c.Student.ID], s) {
				case pipeline.StatusDone:
					g.Done++
				case pipeline.StatusOpen:
					g.Open++
				case pipeline.StatusOverdue:
					g.Overdue++
				}
			}
			for _, f := range todos[c.Student.ID] {
				// By staff, each person sees the to-dos that are theirs to do.
				if by == "staff" && f.Owner != g.Name {
					continue
				}
				g.Todos = append(g.Todos, todoJSON{Student: string(c.Student.ID), Name: c.Student.Name, Class: c.Student.Class,
					Step: string(f.Step), Overdue: f.Overdue, Owner: f.Owner, Message: i18n.Message(e.lang, f)})
			}
		}
	}
	list := make([]*group, 0, len(groups))
	for _, g := range groups {
		sort.Strings(g.Classes)
		list = append(list, g)
	}
	roleOrder := map[string]int{string(pipeline.RoleHeadTeacher): 0, string(pipeline.RoleCounselor): 1, string(pipeline.RoleAdvisor): 2}
	sort.Slice(list, func(i, j int) bool {
		if list[i].Role != list[j].Role {
			return roleOrder[list[i].Role] < roleOrder[list[j].Role]
		}
		return list[i].Name < list[j].Name
	})
	if asJSON {
		enc := json.NewEncoder(e.stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(struct {
			Semester string   `json:"semester"`
			Today    string   `json:"today"`
			By       string   `json:"by"`
			Groups   []*group `json:"groups"`
		}{string(sem), today.String(), by, list})
	}
	printStatus(e, sem, today, by, list)
	return nil
}

// printStatus prints the table with columns aligned by display width (CJK counts two),
// then each group's to-dos.
func printStatus(e *env, sem pipeline.Semester, today pipeline.Date, by string, list []*group) {
	zh := e.lang != i18n.EN
	w := e.stdout
	if zh {
		fmt.Fprintf(w, "%s 帮扶进度（%s，按%s）\n\n", sem.Title(), today, map[string]string{"class": "班级", "staff": "负责人"}[by])
	} else {
		fmt.Fprintf(w, "%s progress (as of %s, by %s)\n\n", sem, today, by)
	}
	var head []string
	if by == "class" {
		head = []string{"班级", "班主任", "辅导员"}
	} else {
		head = []string{"姓名", "角色", "班级"}
	}
	for _, l := range pipeline.Levels {
		head = append(head, string(l))
	}
	head = append(head, "合计", "完成", "待办", "逾期")
	if !zh {
		en := map[string]string{"班级": "class", "班主任": "head teacher", "辅导员": "counselor", "姓名": "name", "角色": "role",
			"合计": "cases", "完成": "done", "待办": "open", "逾期": "overdue"}
		for i, h := range head {
			if v, ok := en[h]; ok {
				head[i] = v
			}
		}
	}
	rows := [][]string{head}
	total := make([]int, len(pipeline.Levels)+4)
	for _, g := range list {
		var r []string
		if by == "class" {
			r = []string{g.Name, g.staff[0], g.staff[1]}
		} else {
			r = []string{g.Name, g.Role, strings.Join(g.Classes, "、")}
		}
		for i, l := range pipeline.Levels {
			r = append(r, fmt.Sprint(g.Levels[l]))
			total[i] += g.Levels[l]
		}
		n := len(pipeline.Levels)
		for i, v := range []int{g.Cases, g.Done, g.Open, g.Overdue} {
			r = append(r, fmt.Sprint(v))
			total[n+i] += v
		}
		rows = append(rows, r)
	}
	if by == "class" {
		r := []string{pick(zh, "合计", "total"), "", ""}
		for _, v := range total {
			r = append(r, fmt.Sprint(v))
		}
		rows = append(rows, r)
	}
	writeTable(w, rows, 3)
	for _, g := range list {
		if len(g.Todos) == 0 {
			continue
		}
		title := g.Name
		if g.Role != "" {
			title += "（" + g.Role + "）"
		}
		fmt.Fprintf(w, "\n%s\n", title)
		var tr [][]string
		for _, t := range g.Todos {
			mark := string(pipeline.StatusOpen)
			if t.Overdue {
				mark = string(pipeline.StatusOverdue)
			}
			tr = append(tr, []string{"  " + t.Student, t.Name, t.Class, t.Step, mark, t.Message})
		}
		writeTable(w, tr, 0)
	}
}

// writeTable aligns columns by display width; columns from numericFrom on are right-aligned.
func writeTable(w io.Writer, rows [][]string, numericFrom int) {
	widths := map[int]int{}
	for _, r := range rows {
		for i, c := range r {
			widths[i] = max(widths[i], textwidth.Of(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			if i > 0 {
				b.WriteString("  ")
			}
			pad := widths[i] - textwidth.Of(c)
			switch {
			case numericFrom > 0 && i >= numericFrom:
				b.WriteString(strings.Repeat(" ", pad) + c)
			case i == len(r)-1:
				b.WriteString(c)
			default:
				b.WriteString(c + strings.Repeat(" ", pad))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

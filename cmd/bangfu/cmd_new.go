package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strings"

	"github.com/gxu-fl/bangfu/pipeline"
	"github.com/gxu-fl/bangfu/pipeline/store"
)

func init() {
	register(&command{
		name:    "new",
		usage:   "学期 学号 [--name 姓名] [--class 班级] [--gender 男|女] [--level 警示类别]",
		summary: "新建一个个案文件：各部分齐全并带中文注释；学生上学期有个案时沿用其基本信息；不会覆盖已有文件",
		example: "  bangfu new 2025-2026-1 2025010101 --name 张三 --class 英语2501 --level 学业警示\n  bangfu new 2025-2026-2 2025010101          # 上学期已有个案：沿用姓名、班级等",
		bind: func(fs *flag.FlagSet) runFunc {
			var n store.NewCase
			fs.StringVar(&n.Name, "name", "", "the student's name (姓名)")
			fs.StringVar(&n.Class, "class", "", "the student's class, as in the roster (班级)")
			gender := fs.String("gender", "", "男 or 女")
			level := fs.String("level", "", "学业警示, 跟班试读 or 退学试读")
			source := fs.String("source", "教务处", "教务处, 班主任补充 or 辅导员补充")
			return func(ctx context.Context, e *env, args []string) error {
				if len(args) != 2 {
					return usageError{msg: "new takes a semester and a student id: bangfu new 2025-2026-1 2025010101"}
				}
				n.Gender, n.Level, n.Source = pipeline.Gender(*gender), pipeline.Level(*level), pipeline.ListSource(*source)
				return newCase(ctx, e, args[0], args[1], n)
			}
		},
	})
}

// newCase writes the case file of one student for one semester, from the flags, the
// student's latest earlier case and the roster.
func newCase(ctx context.Context, e *env, semArg, idArg string, n store.NewCase) error {
	root, repo, _, err := e.load(ctx)
	if err != nil {
		return err
	}
	sem, err := pipeline.ParseSemester(semArg)
	if err != nil {
		return badSemester(semArg)
	}
	var id pipeline.StudentID
	if err := id.Set(idArg); err != nil || id == "" {
		return usageError{msg: fmt.Sprintf("%q is not a student id", idArg)}
	}
	if re := repo.Config.IDPattern(); re != nil && !re.MatchString(string(id)) {
		return usageError{msg: fmt.Sprintf("%q does not match the id pattern %s", idArg, re)}
	}
	n.Semester, n.ID = sem, id
	// The latest earlier case gives what the flags leave out.
	for _, prev := range repo.History(id) {
		if prev.Semester < sem {
			n.Previous = prev.Source.File
			fill(&n.Name, prev.Student.Name)
			fill(&n.Class, prev.Student.Class)
			fill(&n.Advisor, prev.Student.Advisor)
			if n.Gender == "" {
				n.Gender = prev.Student.Gender
			}
			if n.Level == "" {
				n.Level = prev.Warning.Level
			}
		}
	}
	for _, c := range []struct {
		what string
		v    string
		e    pipeline.Enum
	}{{"--gender", string(n.Gender), n.Gender}, {"--level", string(n.Level), n.Level}, {"--source", string(n.Source), n.Source}} {
		if c.v != "" {
			if p := pipeline.CheckEnum(c.v, c.e.Values()); p != nil {
				return usageError{msg: fmt.Sprintf("%s %q: one of %v", c.what, c.v, c.e.Values()),
					zh: fmt.Sprintf("%s “%s”不是可选的值（可选：%s）", c.what, c.v, strings.Join(c.e.Values(), " | "))}
			}
		}
	}
	if n.Class != "" {
		cl, ok := repo.Config.Classes[n.Class]
		if !ok {
			hint := pipeline.Suggest(n.Class, slices.Sorted(maps.Keys(repo.Config.Classes)))
			zh := fmt.Sprintf("班级“%s”不在 bangfu.yaml 的名册中", n.Class)
			if hint != "" {
				zh += "，是不是“" + hint + "”？"
			}
			return usageError{msg: fmt.Sprintf("--class %q is not in the roster of bangfu.yaml", n.Class), zh: zh}
		}
		n.Class_ = cl
	}
	rel := store.CasePath(sem, id)
	if err := store.WriteNew(root, rel, store.NewCaseYAML(n)); err != nil {
		if errors.Is(err, store.ErrExists) {
			return runError{fmt.Sprintf("%s 已存在，未覆盖（exists; not overwritten）", rel)}
		}
		return err
	}
	fmt.Fprintln(e.stdout, filepath.FromSlash(rel))
	return nil
}

func fill(dst *string, v string) {
	if *dst == "" {
		*dst = v
	}
}

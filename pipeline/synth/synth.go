// Package synth writes a fictional records repository of any size, the same bytes
// for the same size every time: the input of benchmarks and scale tests.
package synth

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"

	"github.com/gxu-fl/bangfu/pipeline"
)

// Semester is the semester synthetic cases belong to.
const Semester = "2025-2026-1"

var (
	surnames = []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段漕钱汤尹黎易常武乔贺赖龚文")
	given    = []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞宇辉建斌欣怡晨雨梓涵子轩浩然佳琪思远婉清嘉雯文博一帆")
	majors   = []string{"英语", "日语", "法语", "翻译", "商务英语"}
	levels   = []string{"学业警示", "学业警示", "学业警示", "跟班试读", "退学试读"}
	courses  = []string{"综合英语（3）", "英语听力", "英语语音", "英语写作", "高级英语", "大学物理", "线性代数", "中国近现代史纲要", "第二外语", "大学体育"}
	kinds    = []string{"暂时性", "能力型", "动力型", "整体型", "适应型"}
	topics   = []string{"学业", "适应性", "思想政治", "就业及规划", "人际关系（情感）", "宿舍（家庭）"}
)

// ClassSize is how many cases share one class.
const ClassSize = 40

func name(r *rand.Rand) string {
	n := string(surnames[r.IntN(len(surnames))]) + string(given[r.IntN(len(given))])
	if r.IntN(2) == 0 {
		n += string(given[r.IntN(len(given))])
	}
	return n
}

// Write creates a repository of n cases in dir (which should be empty): bangfu.yaml,
// one case file per student, a meeting per level, and a survey per class.
func Write(dir string, n int) error {
	r := rand.New(rand.NewPCG(uint64(n), 2025))
	classes := (n + ClassSize - 1) / ClassSize
	type class struct {
		name, major, head, counselor string
		grade                        int
	}
	cls := make([]class, classes)
	var cfg strings.Builder
	cfg.WriteString("university: 示例大学\ncollege: 外国语学院\nclasses:\n")
	for i := range cls {
		major := majors[i%len(majors)]
		grade := 2022 + i%4
		cls[i] = class{fmt.Sprintf("%s%02d%02d", major, grade%100, i/len(majors)+1), major, name(r), name(r), grade}
		c := cls[i]
		fmt.Fprintf(&cfg, "  %s: {major: %s, grade: %d, head_teacher: %s, counselor: %s}\n", c.name, c.major, c.grade, c.head, c.counselor)
	}
	advisors := []string{name(r), name(r), name(r)}
	fmt.Fprintf(&cfg, "advisors: [%s]\ndeadlines:\n  %s: {notify: 2025-09-30, interviews: 2025-10-20, plan: 2025-11-10}\n", strings.Join(advisors, ", "), Semester)
	if err := write(dir, "bangfu.yaml", cfg.String()); err != nil {
		return err
	}
	byLevel := map[string][]string{}
	for i := 0; i < n; i++ {
		c := cls[i/ClassSize]
		id := fmt.Sprintf("%04d%02d%04d", c.grade, i/ClassSize%100, i)
		level := levels[r.IntN(len(levels))]
		byLevel[level] = append(byLevel[level], id)
		if err := write(dir, fmt.Sprintf("records/%s/students/%s.yaml", Semester, id), caseText(r, id, c.name, c.head, c.counselor, advisors[i%len(advisors)], c.grade, level)); err != nil {
			return err
		}
	}
	for _, lv := range []string{"学业警示", "跟班试读", "退学试读"} {
		ids := byLevel[lv]
		if len(ids) == 0 {
			continue
		}
		m := fmt.Sprintf("semester: %s\ncategory: %s\ndate: 2025-10-15 14:30\nplace: 外国语学院 101\nteachers: [%s]\nstudents: [\"%s\"]\nrecorder: %s\nminutes:\n  failure_reasons: |\n    逐一了解挂科原因。\n  student_sharing: |\n    学生交流学习体会。\n  teacher_guidance: |\n    教师给出学习指导。\n  leader_speech: |\n    学院领导讲话。\n",
			Semester, lv, cls[0].head, strings.Join(ids[:min(len(ids), 60)], `", "`), cls[0].counselor)
		if err := write(dir, fmt.Sprintf("records/%s/meetings/2025-10-15-%s.yaml", Semester, lv), m); err != nil {
			return err
		}
	}
	for _, c := range cls {
		s := fmt.Sprintf("semester: %s\nclass: %s\ninformant: %s\ndate: 2025-11-05\nattendance_rate: 0.%02d\nclimate: |\n  学风总体平稳。\nconcerns: []\n", Semester, c.name, name(r), 80+r.IntN(19))
		if err := write(dir, fmt.Sprintf("records/%s/surveys/%s.yaml", Semester, c.name), s); err != nil {
			return err
		}
	}
	return nil
}

func caseText(r *rand.Rand, id, class, head, counselor, advisor string, grade int, level string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "semester: %s\nstudent:\n  id: \"%s\"\n  name: %s\n  gender: %s\n  class: %s\n  phone: \"1%010d\"\n",
		Semester, id, name(r), []string{"男", "女"}[r.IntN(2)], class, r.Int64N(1e10))
	year := 2025 - grade + 1
	if year >= 3 {
		fmt.Fprintf(&b, "  advisor: %s\n", advisor)
	}
	fmt.Fprintf(&b, "warning:\n  level: %s\n  source: 教务处\n  gpa: %.2f\n  rank: %d/120\n  failed_courses:\n", level, 0.5+r.Float64()*1.8, 60+r.IntN(60))
	nf := 1 + r.IntN(3)
	failed := r.Perm(len(courses))[:nf]
	for _, f := range failed {
		fmt.Fprintf(&b, "    - {name: %s, credits: %d, score: %d}\n", courses[f], 1+r.IntN(4), 30+r.IntN(29))
	}
	done := 1 + r.IntN(9) // how far the case has come: 1 notified … 9 complete
	if done == 0 {
		return b.String()
	}
	fmt.Fprintf(&b, "  confirmed_on: 2025-09-%02d\ndifficulty: [%s]\n", 10+r.IntN(15), kinds[r.IntN(len(kinds))])
	parent := counselor
	if level != "学业警示" {
		parent = head
	}
	fmt.Fprintf(&b, "parent_contacts:\n  - {date: 2025-09-22, by: %s, method: 电话, summary: 告知学院警示情况，家长表示配合}\n", parent)
	if done < 2 {
		return b.String()
	}
	b.WriteString("interviews:\n")
	// The 班主任 talks first; 试读 adds the 辅导员; many students are seen more than once.
	talks := []string{head}
	if level != "学业警示" {
		talks = append(talks, counselor)
	}
	for n := r.IntN(3); n > 0; n-- {
		talks = append(talks, head)
	}
	for i, by := range talks {
		fmt.Fprintf(&b, "  - date: 2025-09-%02d 15:00\n    by: %s\n    initiated_by: 老师约谈\n    method: 面谈\n    topics: [%s, %s]\n    place: 外国语学院 302\n    impression: |\n      学生精神状态尚可，对挂科原因有一定认识。\n    content: |\n      了解上学期的学习情况和挂科原因。\n      学生表示将调整学习方法，按时上课。\n    measures: |\n      每周汇报一次学习情况；安排同学结对帮扶。\n",
			12+2*i, by, topics[r.IntN(3)], topics[3+r.IntN(3)])
	}
	if done < 5 {
		return b.String()
	}
	b.WriteString("study_plan:\n  plan: |\n    每天早读半小时，每周完成两篇精读笔记。\n    期中前复习全部单元词汇。\n  retakes:\n")
	for _, f := range failed {
		fmt.Fprintf(&b, "    - {course: %s, plan: 参加重修班，每周两次课后辅导}\n", courses[f])
	}
	reviewer := head
	if year >= 3 {
		reviewer = advisor
	}
	fmt.Fprintf(&b, "  student_signed_on: 2025-10-08\n  reviews:\n    - {by: %s, opinion: 计划可行, date: 2025-10-10}\n", reviewer)
	if level != "学业警示" {
		fmt.Fprintf(&b, "    - {by: %s, opinion: 同意, date: 2025-10-11}\n", counselor)
	}
	if done >= 6 {
		prefix := fmt.Sprintf("62178500%010d", r.Int64N(1e10))
		acct := prefix + string(pipeline.LuhnDigit(prefix))
		fmt.Fprintf(&b, "peer_support:\n  mentor: {name: %s, id: \"%04d010%03d\", major: 英语, bank_account: \"%s\"}\n  mentees: 1\n  reasons: |\n    基础薄弱，学习方法不当。\n  plan: |\n    每周两次一对一辅导。\n  class_opinion: {text: 同意, by: %s, date: 2025-10-12}\n",
			name(r), grade-1, r.IntN(1000), acct, head)
	}
	return b.String()
}

func write(dir, rel, text string) error {
	p := filepath.Join(dir, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(text), 0o644)
}

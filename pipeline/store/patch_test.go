package store

import (
	"strings"
	"testing"
)

func TestPatch(t *testing.T) {
	tests := []struct {
		name string
		in   string
		set  map[string]string
		want string // "" when Patch must refuse
	}{
		{"block scalar keeps its comment and spacing",
			"warning:\n  level: 学业警示   # 类别\n  source: 教务处\n",
			map[string]string{"warning.level": "跟班试读"},
			"warning:\n  level: 跟班试读   # 类别\n  source: 教务处\n"},
		{"flow mapping",
			"student: {id: \"2023010101\", name: 张三, class: 英语2301}\n",
			map[string]string{"student.name": "李四", "student.class": "英语2302"},
			"student: {id: \"2023010101\", name: 李四, class: 英语2302}\n"},
		{"empty value with a comment",
			"warning:\n  level: 学业警示\n  gpa:                     # 平均学分绩点\n",
			map[string]string{"warning.gpa": "1.85"},
			"warning:\n  level: 学业警示\n  gpa: 1.85                     # 平均学分绩点\n"},
		{"quoted value",
			"student:\n  name: \"张 三\"\n",
			map[string]string{"student.name": "张三"},
			"student:\n  name: 张三\n"},
		{"missing key in a block mapping goes after its last entry",
			"warning:\n  level: 学业警示\n  failed_courses:\n    - {name: 甲}\n# 下面是谈话\ninterviews: []\n",
			map[string]string{"warning.gpa": "1.50"},
			"warning:\n  level: 学业警示\n  failed_courses:\n    - {name: 甲}\n  gpa: 1.50\n# 下面是谈话\ninterviews: []\n"},
		{"missing key in a flow mapping",
			"warning: {level: 学业警示}\n",
			map[string]string{"warning.rank": "85/120"},
			"warning: {level: 学业警示, rank: 85/120}\n"},
		{"block list replaced, what follows untouched",
			"warning:\n  level: 学业警示\n  failed_courses:\n    - {name: 甲, score: 50}\n    - name: 乙\n      score: 缺考\n\n  # 学生确认\n  confirmed_on: 2025-09-20\ninterviews:\n  - {date: 2025-09-25, by: 王芳}   # 第一次\n",
			map[string]string{"warning.failed_courses": "[{name: 丙, score: 52}]"},
			"warning:\n  level: 学业警示\n  failed_courses: [{name: 丙, score: 52}]\n\n  # 学生确认\n  confirmed_on: 2025-09-20\ninterviews:\n  - {date: 2025-09-25, by: 王芳}   # 第一次\n"},
		{"flow list replaced",
			"warning:\n  failed_courses: []       # 每门一行\n",
			map[string]string{"warning.failed_courses": "[{name: 甲}]"},
			"warning:\n  failed_courses: [{name: 甲}]       # 每门一行\n"},
		{"nothing to change",
			"student: {name: 张三}\n",
			map[string]string{"student.name": "张三"},
			"student: {name: 张三}\n"},
		{"a value that would break the structure is refused",
			"student:\n  name: 张三\n  class: 英语2301\n",
			map[string]string{"student.name": "张三\n  class: 英语9999"},
			""},
		{"a block text value is not the list's to change",
			"study_plan:\n  plan: |\n    计划\n",
			map[string]string{"study_plan.plan": "别的"},
			""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Patch([]byte(tt.in), tt.set)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("Patch accepted it:\n%s", got)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if string(got) != tt.want {
				t.Errorf("got\n%s\nwant\n%s", got, tt.want)
			}
		})
	}
}

// FuzzPatch: whatever the file, Patch either refuses or changes only the field it sets.
func FuzzPatch(f *testing.F) {
	f.Add("warning:\n  level: 学业警示   # 类别\n", "跟班试读")
	f.Add("warning: {level: 学业警示, gpa: 1.2}\n", "退学试读")
	f.Add("student: {}\nwarning:\n  level:\n", "x")
	f.Fuzz(func(t *testing.T, doc, value string) {
		out, err := Patch([]byte(doc), map[string]string{"warning.level": value})
		if err != nil {
			return
		}
		before, after := Flatten([]byte(doc)), Flatten(out)
		for k, v := range before {
			if k != "warning.level" && !strings.HasPrefix(k, "warning.level.") && !strings.HasPrefix(k, "warning.level[") && after[k] != v {
				t.Fatalf("%s changed: %q → %q", k, v, after[k])
			}
		}
	})
}

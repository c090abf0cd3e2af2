package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"text/template"

	"github.com/gxu-fl/bangfu/pipeline"
)

// ErrExists is returned when a file staff may have written is already there: bangfu never overwrites it.
var ErrExists = errors.New("file exists")

// CasePath is where a student's case of a semester lives, relative to the root.
func CasePath(sem pipeline.Semester, id pipeline.StudentID) string {
	return fmt.Sprintf("records/%s/students/%s.yaml", sem, id)
}

// WriteNew creates root/rel with data, refusing to replace anything already there
// (O_EXCL), and writing through a temporary file so a crash leaves no half file.
func WriteNew(root, rel string, data []byte) error {
	p := filepath.Join(root, filepath.FromSlash(rel))
	if _, err := os.Lstat(p); err == nil {
		return fmt.Errorf("%s: %w", rel, ErrExists)
	} else if !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	tmp, err := writeTemp(filepath.Dir(p), data)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	// Link, not rename: link fails if the name appeared meanwhile, so nothing is replaced.
	if err := os.Link(tmp, p); err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s: %w", rel, ErrExists)
		}
		return err
	}
	return nil
}

// NewCase is what bangfu new knows of a student before staff fill in the rest.
type NewCase struct {
	Semester pipeline.Semester
	ID       pipeline.StudentID
	Name     string
	Gender   pipeline.Gender
	Class    string
	Advisor  string
	Level    pipeline.Level
	Source   pipeline.ListSource
	Phone    pipeline.Phone
	Basis    string
	GPA      string // as the list wrote it
	Rank     string
	Failed   []string       // failed course names
	Class_   pipeline.Class // the roster line of Class, for the comments
	Previous string         // the student's case file of an earlier semester, if any
}

var newCaseTmpl = template.Must(template.New("case").Funcs(template.FuncMap{
	"values":  func(e pipeline.Enum) string { return strings.Join(e.Values(), " | ") },
	"topics":  func() string { return strings.Join(pipeline.TopicValues, " | ") + " | 其他：内容" },
	"marks":   func() string { return strings.Join(pipeline.ScoreMarks, " | ") },
	"yq":      yamlScalar,
	"courses": CoursesFlow,
}).Parse(`# yaml-language-server: $schema=../../../schema/case.schema.json
# 学业帮扶个案：{{.Semester}} 学期 学号 {{.ID}}
# 填写说明：冒号后空一格再写内容；没做的步骤先留空，bangfu validate 会列为待办。
# 多行文字写在 | 后面的下一行，并比字段名多缩进两个空格。
{{- if .Previous}}
# 上学期个案：{{.Previous}}
{{- end}}
semester: {{.Semester}}

student:
  id: "{{.ID}}"
  name: {{yq (print .Name)}}
  gender: {{yq (print .Gender)}}                # {{values .Gender}}
  class: {{yq (print .Class)}}
{{- if .Class_.HeadTeacher}}
  # 名册：{{.Class_.Major}} {{.Class_.Grade}} 级，班主任 {{.Class_.HeadTeacher}}，辅导员 {{.Class_.Counselor}}
{{- end}}
  phone: {{if .Phone}}"{{.Phone}}"{{end}}                   # 选填：11 位手机号，加引号，如 "13800138000"
  advisor: {{yq (print .Advisor)}}                 # 导师：大三及以上学生的学习计划由导师审核

# 四(二)1 纳入帮扶名单
warning:
  level: {{yq (print .Level)}}             # {{values .Level}}
  source: {{yq (print .Source)}}             # {{values .Source}}
  basis: {{yq .Basis}}                   # 名单来源不是教务处时必填：考勤、学习态度等
  gpa: {{.GPA}}                     # 平均学分绩点，如 1.85
  rank: {{yq .Rank}}                    # 成绩排名，如 85/120
  failed_courses: {{courses .Failed}}       # 每门一行：- {name: 课程名, credits: 学分, score: 成绩或 {{marks}}}
  confirmed_on:            # 四(二)2(1) 学生确认通知的日期，如 2025-09-20

# 四(二)3(1) 学习困难类型，可多选：{{values (index .Difficulty 0)}}
difficulty: []

# 四(二)2(2) 与家长的每次联系：- {date: 日期, by: 联系人, method: {{values (index .Contact 0)}}, summary: 摘要}
parent_contacts: []

# 附件3 谈话记录，每次谈话一项，照下面的样子复制一段（去掉行首的 #）：
interviews: []
#  - date: 2025-09-25 15:00
#    by: 谈话人
#    initiated_by: 老师约谈        # {{values (index .Initiated 0)}}
#    method: 面谈                  # {{values (index .Method 0)}}
#    topics: [学业]                # {{topics}}
#    place: 谈话地点
#    impression: |
#      初步印象
#    content: |
#      谈话主要内容
#    measures: |
#      措施及效果

# 附件4 预警学生学习计划表
study_plan:
  plan: |
  retakes: []              # 每门不及格课程一行：- {course: 课程名, plan: 具体的重修计划}
  student_signed_on:
  reviews: []              # 帮扶教师意见：- {by: 姓名, opinion: 意见, date: 日期}

# 附件2 朋辈帮扶（没有结对就保持注释）
# peer_support:
#   mentor: {name: 帮扶人, id: "学号", major: 专业}   # 银行账号写在 private/accounts.yaml，不要提交到 git
#   mentees: 1
#   reasons: |
#     学业困难原因
#   plan: |
#     帮扶计划
#   class_opinion: {text: 意见, by: 班主任, date: 日期}
#   college_opinion: {text: 意见, by: 负责人, date: 日期}
#   school_opinion: {text: 意见, date: 日期}

# 四(二)3(4) 下学期初的评估（下学期开始后填写）
# evaluation:
#   date: 2026-03-05
#   progress: 有进步          # {{values (index .Progress 0)}}
#   recommendation: 继续帮扶  # {{values (index .Recommendation 0)}}
#   note:
`))

var plainSafe = regexp.MustCompile(`^[\p{Han}\p{L}·・（）()][\p{Han}\p{L}\p{N}·・（）()/ ]*$`)

// yamlScalar writes s so that YAML reads back exactly s: plain when it is safe, else double-quoted.
func yamlScalar(s string) string {
	if s == "" || plainSafe.MatchString(s) && !strings.HasSuffix(s, " ") {
		return s
	}
	b, _ := json.Marshal(s) // a JSON string is a valid YAML double-quoted scalar
	return string(b)
}

// CoursesFlow writes failed courses as a one-line YAML list: [{name: 综合英语（3）}].
func CoursesFlow(names []string) string {
	if len(names) == 0 {
		return "[]"
	}
	parts := make([]string, len(names))
	for i, n := range names {
		parts[i] = "{name: " + yamlScalar(n) + "}"
	}
	return "[" + strings.Join(parts, ", ") + "]"
}

// YAMLScalar writes s so that YAML reads back exactly s.
func YAMLScalar(s string) string { return yamlScalar(s) }

// Replace rewrites a records file the caller read as old, through a temporary file
// renamed into place, unless it changed meanwhile (someone saved it): then nothing
// is written and ErrChanged says so.
func Replace(root, rel string, old, new []byte) error {
	p := filepath.Join(root, filepath.FromSlash(rel))
	cur, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	if !bytes.Equal(cur, old) {
		return fmt.Errorf("%s: %w", rel, ErrChanged)
	}
	tmp, err := writeTemp(filepath.Dir(p), new)
	if err != nil {
		return err
	}
	defer os.Remove(tmp)
	if fi, err := os.Stat(p); err == nil {
		os.Chmod(tmp, fi.Mode().Perm())
	}
	return os.Rename(tmp, p)
}

// writeTemp writes data to a new temporary file in dir (synced) and returns its name.
func writeTemp(dir string, data []byte) (string, error) {
	tmp, err := os.CreateTemp(dir, ".bangfu-new-*")
	if err != nil {
		return "", err
	}
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(tmp.Name())
		return "", err
	}
	return tmp.Name(), nil
}

// ErrChanged says a file changed between reading and writing it.
var ErrChanged = errors.New("changed since it was read")

// NewCaseYAML is the text of a new case file: every section present, commented in Chinese,
// valid as it stands (what is left empty shows as 待办, never as an error).
func NewCaseYAML(n NewCase) []byte {
	if n.Source == "" {
		n.Source = pipeline.SourceOffice
	}
	data := struct {
		NewCase
		Difficulty     []pipeline.Difficulty
		Contact        []pipeline.ContactMethod
		Initiated      []pipeline.InitiatedBy
		Method         []pipeline.Method
		Progress       []pipeline.Progress
		Recommendation []pipeline.Recommendation
	}{n, []pipeline.Difficulty{""}, []pipeline.ContactMethod{""}, []pipeline.InitiatedBy{""}, []pipeline.Method{""}, []pipeline.Progress{""}, []pipeline.Recommendation{""}}
	var b bytes.Buffer
	if err := newCaseTmpl.Execute(&b, data); err != nil {
		panic(err) // a fixed template over fixed types
	}
	return b.Bytes()
}

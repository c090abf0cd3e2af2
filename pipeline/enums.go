package pipeline

import "strings"

// An Enum is a value type whose text must be one of a fixed list of the seed's words.
// The loader checks membership and suggests the nearest word.
type Enum interface {
	Values() []string
}

// Gender is 男 or 女 (附件3).
type Gender string

func (Gender) Values() []string { return []string{"男", "女"} }

// Level is the warning category (四(二)1, 附件1 注): 学业警示 is 预警; the other two are 试读.
type Level string

const (
	LevelWarning   Level = "学业警示"
	LevelFollowing Level = "跟班试读"
	LevelDropout   Level = "退学试读"
)

// Levels in the order of severity, as forms and tables list them.
var Levels = []Level{LevelWarning, LevelFollowing, LevelDropout}

func (Level) Values() []string {
	return []string{string(LevelWarning), string(LevelFollowing), string(LevelDropout)}
}

// IsTrial reports 试读 (跟班试读 or 退学试读), for which the seed asks more of staff.
func (l Level) IsTrial() bool { return l == LevelFollowing || l == LevelDropout }

// ListSource is who put the student on the list (四(二)1).
type ListSource string

const SourceOffice ListSource = "教务处"

func (ListSource) Values() []string {
	return []string{"教务处", "班主任补充", "辅导员补充"}
}

// Difficulty is a type of learning difficulty (四(二)3(1)).
type Difficulty string

func (Difficulty) Values() []string {
	return []string{"暂时性", "能力型", "动力型", "整体型", "适应型"}
}

// ContactMethod is how a parent was reached.
type ContactMethod string

func (ContactMethod) Values() []string {
	return []string{"电话", "面谈", "微信/QQ", "短信", "家访"}
}

// InitiatedBy is 附件3's 约谈方式.
type InitiatedBy string

func (InitiatedBy) Values() []string { return []string{"学生主动约谈", "老师约谈"} }

// Method is 附件3's 谈话方式.
type Method string

func (Method) Values() []string { return []string{"面谈", "电话", "微信/QQ", "集体座谈"} }

// Progress is the evaluation's judgement of the term (四(二)3(4)).
type Progress string

const ProgressCleared Progress = "已消除预警"

func (Progress) Values() []string { return []string{"已消除预警", "有进步", "无进步"} }

// Recommendation is what the college proposes after the evaluation (四(二)3(4)).
type Recommendation string

func (Recommendation) Values() []string {
	return []string{"解除帮扶", "继续帮扶", "休学", "转专业", "自动退学"}
}

// TopicOther is the prefix of a free-text topic: 其他：<text>.
const TopicOther = "其他："

// Topic is one of 附件3's 谈话主题, or 其他：<text>.
type Topic string

// TopicValues are 附件3's topics in the form's order; 其他 comes last with its text.
var TopicValues = []string{"思想政治", "学业", "就业及规划", "人际关系（情感）", "适应性", "宿舍（家庭）"}

func (t *Topic) Set(text string) error {
	s := strings.TrimSpace(text)
	for _, v := range TopicValues {
		if s == v {
			*t = Topic(s)
			return nil
		}
	}
	for _, p := range []string{"其他：", "其他:", "其它：", "其它:", "其他", "其它"} {
		if strings.HasPrefix(s, p) {
			*t = Topic(TopicOther + strings.TrimSpace(s[len(p):]))
			return nil
		}
	}
	return problem(CodeBadEnum, s, strings.Join(append(TopicValues[:len(TopicValues):len(TopicValues)], "其他：…"), " | "), Suggest(s, TopicValues))
}

// Other is the text of a 其他 topic, and whether t is one.
func (t Topic) Other() (string, bool) {
	if strings.HasPrefix(string(t), TopicOther) {
		return strings.TrimPrefix(string(t), TopicOther), true
	}
	return "", false
}

// CheckEnum returns nil when v is one of values, else a problem that lists them and suggests the nearest.
func CheckEnum(v string, values []string) *Problem {
	for _, x := range values {
		if v == x {
			return nil
		}
	}
	return problem(CodeBadEnum, v, strings.Join(values, " | "), Suggest(v, values))
}

// LevelOf reads a warning level as lists write it: the seed's three words, or 预警 /
// 学业预警 for 学业警示 (the seed: "预警 = 学业警示").
func LevelOf(s string) (Level, bool) {
	s = strings.TrimSpace(s)
	for _, l := range Levels {
		if s == string(l) {
			return l, true
		}
	}
	switch s {
	case "预警", "学业预警", "警示":
		return LevelWarning, true
	}
	return "", false
}

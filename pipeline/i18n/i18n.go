// Package i18n turns findings and other messages into sentences for the people who
// read them: Chinese by default, English with --lang en.
package i18n

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/gxu-fl/bangfu/pipeline"
)

// Lang is a message language.
type Lang string

const (
	ZH Lang = "zh"
	EN Lang = "en"
)

// ParseLang accepts zh or en (and zh-CN, en-US and the like).
func ParseLang(s string) (Lang, bool) {
	switch strings.ToLower(strings.SplitN(strings.SplitN(s, "-", 2)[0], "_", 2)[0]) {
	case "", "zh":
		return ZH, true
	case "en":
		return EN, true
	}
	return ZH, false
}

type text struct{ zh, en string }

// T is the message for code in lang, with args filled in.
func T(lang Lang, code pipeline.Code, args ...any) string {
	m, ok := catalog[code]
	if !ok {
		return string(code) + fmt.Sprint(args...)
	}
	format := m.zh
	if lang == EN {
		format = m.en
	}
	return expand(lang, format, args)
}

// expand fills {0}, {1}... and conditional parts {?1:text} (text only when arg 1 is not empty).
func expand(lang Lang, format string, args []any) string {
	var b strings.Builder
	for i := 0; i < len(format); i++ {
		if format[i] != '{' {
			b.WriteByte(format[i])
			continue
		}
		end := matchingBrace(format, i)
		if end < 0 {
			b.WriteString(format[i:])
			break
		}
		inner := format[i+1 : end]
		i = end
		if strings.HasPrefix(inner, "?") {
			colon := strings.IndexByte(inner, ':')
			n, _ := strconv.Atoi(inner[1:colon])
			if n < len(args) && argString(lang, args[n]) != "" {
				b.WriteString(expand(lang, inner[colon+1:], args))
			}
			continue
		}
		n, err := strconv.Atoi(inner)
		if err != nil || n >= len(args) {
			continue
		}
		b.WriteString(argString(lang, args[n]))
	}
	return b.String()
}

func matchingBrace(s string, i int) int {
	depth := 0
	for j := i; j < len(s); j++ {
		switch s[j] {
		case '{':
			depth++
		case '}':
			depth--
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

// argString prints one argument: codes and roles in the reader's language, numbers
// plainly, phone and bank numbers masked.
func argString(lang Lang, a any) string {
	switch v := a.(type) {
	case nil:
		return ""
	case pipeline.Code:
		return T(lang, v)
	case pipeline.Role:
		if lang == EN {
			return roleEN[v]
		}
		return string(v)
	case pipeline.StudyYear:
		if lang == EN {
			return fmt.Sprintf("year-%d", int(v))
		}
		if v >= 1 && v <= 6 {
			return "大" + string([]rune("一二三四五六")[v-1])
		}
		return fmt.Sprintf("%d 年级", int(v))
	case pipeline.Sensitive:
		return v.String()
	case float64:
		return strconv.FormatFloat(v, 'f', -1, 64)
	case string:
		return v
	default:
		return fmt.Sprint(v)
	}
}

var roleEN = map[pipeline.Role]string{
	pipeline.RoleHeadTeacher: "head teacher (班主任)",
	pipeline.RoleCounselor:   "counselor (辅导员)",
	pipeline.RoleAdvisor:     "advisor (导师)",
}

// Finding is one finding as a line: FILE:LINE:COL field.path: message.
func Finding(lang Lang, f pipeline.Finding) string {
	var b strings.Builder
	b.WriteString(f.Pos.String())
	b.WriteString(": ")
	if f.Field != "" {
		b.WriteString(f.Field)
		b.WriteString(": ")
	}
	if f.Severity == pipeline.Todo {
		switch {
		case f.Overdue:
			b.WriteString(T(lang, "label_overdue"))
		default:
			b.WriteString(T(lang, "label_todo"))
		}
	}
	b.WriteString(Message(lang, f))
	return b.String()
}

// Message is the finding's sentence alone, without its place.
func Message(lang Lang, f pipeline.Finding) string {
	msg := T(lang, f.Code, f.Args...)
	if f.Overdue && len(f.Args) > 0 {
		msg += T(lang, "suffix_overdue", f.Args[len(f.Args)-1])
	}
	return msg
}

// Summary is validate's closing line.
func Summary(lang Lang, cases, errs, todos, overdue int) string {
	if lang == EN {
		return fmt.Sprintf("%d cases: %d errors, %d to-dos (%d overdue)", cases, errs, todos, overdue)
	}
	return fmt.Sprintf("共 %d 个个案：错误 %d 条，待办 %d 条（其中逾期 %d 条）", cases, errs, todos, overdue)
}

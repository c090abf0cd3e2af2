package pipeline

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"
	"unicode"
)

// A Scalar is a value type that reads itself from the text staff wrote.
// The loader calls Set with the text exactly as written (never as YAML resolved it).
type Scalar interface {
	Set(text string) error
}

// Semester is 学年-学期, such as 2025-2026-1.
type Semester string

var semesterRE = regexp.MustCompile(`^(\d{4})-(\d{4})-([12])$`)

// ParseSemester checks the form 2025-2026-1 (consecutive years, term 1 or 2).
func ParseSemester(s string) (Semester, error) {
	m := semesterRE.FindStringSubmatch(s)
	if m == nil {
		return "", problem(CodeBadSemester, s)
	}
	y1, _ := strconv.Atoi(m[1])
	y2, _ := strconv.Atoi(m[2])
	if y2 != y1+1 {
		return "", problem(CodeBadSemester, s)
	}
	return Semester(s), nil
}

func (s *Semester) Set(text string) error {
	v, err := ParseSemester(strings.TrimSpace(text))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// FirstYear is the first calendar year of the academic year (2025 for 2025-2026-1).
func (s Semester) FirstYear() int { y, _ := strconv.Atoi(string(s)[:4]); return y }

// Term is 1 (autumn) or 2 (spring).
func (s Semester) Term() int { return int(s[len(s)-1] - '0') }

// Next is the semester that follows.
func (s Semester) Next() Semester {
	y := s.FirstYear()
	if s.Term() == 1 {
		return Semester(fmt.Sprintf("%d-%d-2", y, y+1))
	}
	return Semester(fmt.Sprintf("%d-%d-1", y+1, y+2))
}

// Prev is the semester before.
func (s Semester) Prev() Semester {
	y := s.FirstYear()
	if s.Term() == 2 {
		return Semester(fmt.Sprintf("%d-%d-1", y, y+1))
	}
	return Semester(fmt.Sprintf("%d-%d-2", y-1, y))
}

// DefaultStart is 1 September for term 1 and 1 March for term 2.
func (s Semester) DefaultStart() Date {
	y := s.FirstYear()
	if s.Term() == 1 {
		return NewDate(y, time.September, 1)
	}
	return NewDate(y+1, time.March, 1)
}

// Title is the semester as forms and sheets write it: 2025-2026学年第一学期.
func (s Semester) Title() string {
	if !s.Valid() {
		return string(s)
	}
	term := "一"
	if s.Term() == 2 {
		term = "二"
	}
	return fmt.Sprintf("%d-%d学年第%s学期", s.FirstYear(), s.FirstYear()+1, term)
}

// Valid reports whether s has the form of a semester.
func (s Semester) Valid() bool { _, err := ParseSemester(string(s)); return err == nil }

// Date is a calendar day, YYYY-MM-DD; the zero Date means "not yet".
type Date struct{ t time.Time }

// NewDate makes a Date.
func NewDate(y int, m time.Month, d int) Date { return Date{time.Date(y, m, d, 0, 0, 0, 0, time.UTC)} }

// DateOf is the calendar day of t in its own location.
func DateOf(t time.Time) Date { return NewDate(t.Year(), t.Month(), t.Day()) }

var looseDateRE = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$`)

// ParseDate reads YYYY-MM-DD; for a date written another way (2025/9/20, 2025年9月20日)
// the problem names the exact text to write instead.
func ParseDate(s string) (Date, error) {
	s = strings.TrimSpace(s)
	if t, err := time.Parse("2006-01-02", s); err == nil {
		return Date{t}, nil
	}
	if m := looseDateRE.FindStringSubmatch(s); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
		if t.Month() == time.Month(mo) && t.Day() == d {
			return Date{}, problem(CodeBadDate, s, t.Format("2006-01-02"))
		}
	}
	return Date{}, problem(CodeBadDate, s, "")
}

func (d *Date) Set(text string) error {
	if strings.TrimSpace(text) == "" {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(text)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

func (d Date) IsZero() bool                 { return d.t.IsZero() }
func (d Date) Time() time.Time              { return d.t }
func (d Date) Before(o Date) bool           { return d.t.Before(o.t) }
func (d Date) After(o Date) bool            { return d.t.After(o.t) }
func (d Date) AddDays(n int) Date           { return Date{d.t.AddDate(0, 0, n)} }
func (d Date) Year() int                    { return d.t.Year() }
func (d Date) Month() int                   { return int(d.t.Month()) }
func (d Date) Day() int                     { return d.t.Day() }
func (d Date) Compare(o Date) int           { return d.t.Compare(o.t) }
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// String is YYYY-MM-DD, or "" for the zero Date.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.t.Format("2006-01-02")
}

// DateTime is a day with an optional time of day: YYYY-MM-DD HH:MM.
type DateTime struct {
	Date
	HasTime   bool
	Hour, Min int
}

var looseTimeRE = regexp.MustCompile(`^(.+?)[ T]+(\d{1,2})\s*[:：点]\s*(\d{1,2})(?::\d{2})?\s*分?$`)

func (dt *DateTime) Set(text string) error {
	s := strings.TrimSpace(text)
	if s == "" {
		*dt = DateTime{}
		return nil
	}
	if t, err := time.Parse("2006-01-02 15:04", s); err == nil {
		*dt = DateTime{Date: DateOf(t), HasTime: true, Hour: t.Hour(), Min: t.Minute()}
		return nil
	}
	if d, err := ParseDate(s); err == nil {
		*dt = DateTime{Date: d}
		return nil
	}
	// Not in the contract's form: name the exact text to write instead, when it is clear.
	if m := looseTimeRE.FindStringSubmatch(s); m != nil {
		h, _ := strconv.Atoi(m[2])
		mi, _ := strconv.Atoi(m[3])
		if day := correctedDate(m[1]); day != "" && h < 24 && mi < 60 {
			return problem(CodeBadDateTime, s, fmt.Sprintf("%s %02d:%02d", day, h, mi))
		}
	}
	return problem(CodeBadDateTime, s, correctedDate(s))
}

// correctedDate is s as YYYY-MM-DD when it is a date written another way, else "".
func correctedDate(s string) string {
	d, err := ParseDate(s)
	if err == nil {
		return d.String()
	}
	if p, ok := err.(*Problem); ok && len(p.Args) == 2 {
		fixed, _ := p.Args[1].(string)
		return fixed
	}
	return ""
}

// String is YYYY-MM-DD HH:MM, or the date alone when no time was given.
func (dt DateTime) String() string {
	if dt.IsZero() {
		return ""
	}
	if !dt.HasTime {
		return dt.Date.String()
	}
	return fmt.Sprintf("%s %02d:%02d", dt.Date, dt.Hour, dt.Min)
}

func (dt DateTime) MarshalText() ([]byte, error) { return []byte(dt.String()), nil }

// ScoreMarks are the non-numeric results a failed course may have.
var ScoreMarks = []string{"缺考", "不及格", "违纪", "取消资格"}

// Score is a course result: a number 0-100 or one of ScoreMarks.
type Score struct {
	Mark   string
	Points float64
	Given  bool
}

func (s *Score) Set(text string) error {
	t := strings.TrimSpace(text)
	if t == "" {
		*s = Score{}
		return nil
	}
	for _, m := range ScoreMarks {
		if t == m {
			*s = Score{Mark: m, Given: true}
			return nil
		}
	}
	f, err := strconv.ParseFloat(t, 64)
	if err != nil || f < 0 || f > 100 {
		return problem(CodeBadScore, t, strings.Join(ScoreMarks, "、"))
	}
	*s = Score{Points: f, Given: true}
	return nil
}

// String is the score as it prints on a form.
func (s Score) String() string {
	switch {
	case !s.Given:
		return ""
	case s.Mark != "":
		return s.Mark
	default:
		return strconv.FormatFloat(s.Points, 'f', -1, 64)
	}
}

func (s Score) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// StudentID is a 学号, kept as the text written (leading zeros and all).
type StudentID string

func (id *StudentID) Set(text string) error {
	t := strings.TrimSpace(text)
	for i, r := range []rune(t) {
		if isInvisible(r) {
			return problem(CodeInvisibleChar, i+1, fmt.Sprintf("U+%04X", r))
		}
		if unicode.IsSpace(r) {
			return problem(CodeSpaceInID, t)
		}
	}
	*id = StudentID(t)
	return nil
}

// isInvisible reports characters that show as nothing in an editor: zero-width
// spaces and joiners, the BOM, soft hyphens and other format characters.
func isInvisible(r rune) bool {
	return unicode.Is(unicode.Cf, r) || r == '\u00ad'
}

// Phone is an 11-digit mainland mobile number, normalised from what people type
// (+86 138-0013-8000 → 13800138000).
type Phone string

var phoneRE = regexp.MustCompile(`^1\d{10}$`)

func (p *Phone) Set(text string) error {
	var b strings.Builder
	for _, r := range text {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r >= '０' && r <= '９':
			b.WriteRune('0' + (r - '０'))
		case r == '+' || r == '-' || r == '(' || r == ')' || r == '（' || r == '）' || r == '－' || unicode.IsSpace(r) || isInvisible(r):
		default:
			return problem(CodeBadPhone, countDigits(text))
		}
	}
	d := b.String()
	switch {
	case len(d) == 13 && strings.HasPrefix(d, "86"):
		d = d[2:]
	case len(d) == 15 && strings.HasPrefix(d, "0086"):
		d = d[4:]
	}
	if d == "" {
		*p = ""
		return nil
	}
	if !phoneRE.MatchString(d) {
		return problem(CodeBadPhone, len(d))
	}
	*p = Phone(d)
	return nil
}

// Masked is the number as messages and shared sheets may show it: 138****8000.
func (p Phone) Masked() string { return MaskPhone(string(p)) }

func countDigits(s string) int {
	n := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			n++
		}
	}
	return n
}

// BankAccount is a bank card number (digits only once read), checked with Luhn.
type BankAccount string

func (a *BankAccount) Set(text string) error {
	var b strings.Builder
	for _, r := range text {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '-' || unicode.IsSpace(r) || isInvisible(r):
		default:
			return problem(CodeBadBank, countDigits(text))
		}
	}
	d := b.String()
	if d == "" {
		*a = ""
		return nil
	}
	if len(d) < 12 || len(d) > 19 {
		return problem(CodeBadBank, len(d))
	}
	if !LuhnValid(d) {
		return problem(CodeBankLuhn, Sensitive(d))
	}
	*a = BankAccount(d)
	return nil
}

// Grouped is the full number in groups of four, as it is written on 附件2 (only there).
func (a BankAccount) Grouped() string {
	var b strings.Builder
	for i, r := range string(a) {
		if i > 0 && i%4 == 0 {
			b.WriteByte(' ')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Masked shows only the last four digits: **** **** **** 0005.
func (a BankAccount) Masked() string { return MaskDigits(string(a)) }

// LuhnValid is the check digit test bank card numbers carry.
func LuhnValid(digits string) bool {
	sum := 0
	double := false
	for i := len(digits) - 1; i >= 0; i-- {
		c := digits[i]
		if c < '0' || c > '9' {
			return false
		}
		d := int(c - '0')
		if double {
			d *= 2
			if d > 9 {
				d -= 9
			}
		}
		sum += d
		double = !double
	}
	return len(digits) > 0 && sum%10 == 0
}

// LuhnDigit is the check digit to append to digits so that the result passes LuhnValid.
func LuhnDigit(digits string) byte {
	for c := byte('0'); c <= '9'; c++ {
		if LuhnValid(digits + string(c)) {
			return c
		}
	}
	return '0'
}

// MaskPhone keeps the first three and last four digits of an 11-digit number.
func MaskPhone(p string) string {
	if len(p) != 11 {
		return MaskDigits(p)
	}
	return p[:3] + "****" + p[7:]
}

// MaskDigits replaces every digit but the last four with *.
func MaskDigits(s string) string {
	n := countDigits(s)
	var b strings.Builder
	seen := 0
	for _, r := range s {
		if r >= '0' && r <= '9' {
			seen++
			if seen <= n-4 {
				b.WriteByte('*')
				continue
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// SchemaType methods describe each value type for the JSON Schemas (package schema),
// next to the code that parses it so the two cannot drift apart.

func (Semester) SchemaType() map[string]any {
	return map[string]any{"type": "string", "pattern": `^\d{4}-\d{4}-[12]$`, "examples": []string{"2025-2026-1"}}
}
func (Date) SchemaType() map[string]any {
	return map[string]any{"type": []string{"string", "null"}, "pattern": `^\d{4}-\d{2}-\d{2}$`, "examples": []string{"2025-09-20"}}
}
func (DateTime) SchemaType() map[string]any {
	return map[string]any{"type": []string{"string", "null"}, "pattern": `^\d{4}-\d{2}-\d{2}( \d{2}:\d{2})?$`, "examples": []string{"2025-09-25 15:00"}}
}
func (Score) SchemaType() map[string]any {
	return map[string]any{"anyOf": []any{
		map[string]any{"type": "number", "minimum": 0, "maximum": 100},
		map[string]any{"type": "string", "enum": ScoreMarks},
		map[string]any{"type": "null"},
	}}
}
func (StudentID) SchemaType() map[string]any {
	return map[string]any{"type": []string{"string", "integer"}, "examples": []string{"2023010101"}}
}
func (Phone) SchemaType() map[string]any {
	return map[string]any{"type": []string{"string", "integer", "null"}, "examples": []string{"13800138000"}}
}
func (BankAccount) SchemaType() map[string]any {
	return map[string]any{"type": []string{"string", "integer", "null"}}
}
func (Topic) SchemaType() map[string]any {
	return map[string]any{"anyOf": []any{
		map[string]any{"type": "string", "enum": TopicValues},
		map[string]any{"type": "string", "pattern": "^其[他它][：:]"},
	}}
}

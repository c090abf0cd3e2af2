package pipeline

import (
	"strings"
	"testing"
)

func TestScalars(t *testing.T) {
	tests := []struct {
		name string
		v    interface {
			Scalar
			String() string
		}
		in      string
		want    string
		wantErr Code
	}{
		{"date", new(Date), "2025-09-20", "2025-09-20", ""},
		{"date empty", new(Date), "", "", ""},
		{"date slashes", new(Date), "2025/9/20", "", CodeBadDate},
		{"date no such day", new(Date), "2025-02-30", "", CodeBadDate},
		{"date words", new(Date), "下周三", "", CodeBadDate},
		{"datetime", new(DateTime), "2025-09-25 15:00", "2025-09-25 15:00", ""},
		{"datetime date only", new(DateTime), "2025-09-25", "2025-09-25", ""},
		{"datetime seconds", new(DateTime), "2025-09-25 15:00:00", "", CodeBadDateTime},
		{"datetime 25h", new(DateTime), "2025-09-25 25:00", "", CodeBadDateTime},
		{"score number", new(Score), "52", "52", ""},
		{"score half", new(Score), "59.5", "59.5", ""},
		{"score mark", new(Score), "缺考", "缺考", ""},
		{"score over", new(Score), "101", "", CodeBadScore},
		{"score word", new(Score), "及格", "", CodeBadScore},
		{"phone", new(phoneS), "13800138000", "138****8000", ""},
		{"phone +86 dashes", new(phoneS), "+86 138-0013-8000", "138****8000", ""},
		{"phone 0086", new(phoneS), "0086 13800138000", "138****8000", ""},
		{"phone full-width digits", new(phoneS), "１３８００１３８０００", "138****8000", ""},
		{"phone short", new(phoneS), "1380013800", "", CodeBadPhone},
		{"phone letters", new(phoneS), "138abc", "", CodeBadPhone},
		{"phone landline", new(phoneS), "0771-3232323", "", CodeBadPhone},
		{"bank grouped", new(bankS), "6217 8500 0000 0000 005", "***************0005", ""},
		{"bank luhn", new(bankS), "6217 8500 0000 0000 006", "", CodeBankLuhn},
		{"bank short", new(bankS), "123456", "", CodeBadBank},
		{"id", new(idS), "0123456789", "0123456789", ""},
		{"id zero width", new(idS), "2023\u200b010101", "", CodeInvisibleChar},
		{"id bom", new(idS), "\ufeff2023010101", "", CodeInvisibleChar},
		{"id space", new(idS), "2023 010101", "", CodeSpaceInID},
		{"semester", new(semS), "2025-2026-1", "2025-2026-1", ""},
		{"semester years apart", new(semS), "2025-2027-1", "", CodeBadSemester},
		{"semester term 3", new(semS), "2025-2026-3", "", CodeBadSemester},
		{"topic", new(topicS), "学业", "学业", ""},
		{"topic other", new(topicS), "其他:家庭经济", "其他：家庭经济", ""},
		{"topic near miss", new(topicS), "学习", "", CodeBadEnum},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.v.Set(tt.in)
			if tt.wantErr != "" {
				p, ok := err.(*Problem)
				if !ok || p.Code != tt.wantErr {
					t.Fatalf("Set(%q) = %v, want %s", tt.in, err, tt.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("Set(%q): %v", tt.in, err)
			}
			if got := tt.v.String(); got != tt.want {
				t.Errorf("Set(%q) → %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

// Wrappers giving the string-based scalars the String method the table prints with.
type (
	phoneS Phone
	bankS  BankAccount
	idS    StudentID
	semS   Semester
	topicS Topic
)

func (p *phoneS) Set(s string) error { return (*Phone)(p).Set(s) }
func (p phoneS) String() string      { return Phone(p).Masked() }
func (b *bankS) Set(s string) error  { return (*BankAccount)(b).Set(s) }
func (b bankS) String() string       { return BankAccount(b).Masked() }
func (i *idS) Set(s string) error    { return (*StudentID)(i).Set(s) }
func (i idS) String() string         { return string(i) }
func (s *semS) Set(t string) error   { return (*Semester)(s).Set(t) }
func (s semS) String() string        { return string(s) }
func (t *topicS) Set(s string) error { return (*Topic)(t).Set(s) }
func (t topicS) String() string      { return string(t) }

func TestBadDateSuggestsFix(t *testing.T) {
	for in, want := range map[string]string{"2025/9/20": "2025-09-20", "2025年9月2日": "2025-09-02", "2025.10.1": "2025-10-01"} {
		var d Date
		p := d.Set(in).(*Problem)
		if p.Args[1] != want {
			t.Errorf("%s: suggestion %v, want %s", in, p.Args[1], want)
		}
	}
	var dt DateTime
	if p := dt.Set("2025/9/25 15:30").(*Problem); p.Args[1] != "2025-09-25 15:30" {
		t.Errorf("datetime suggestion %v", p.Args[1])
	}
}

func TestSemesterArithmetic(t *testing.T) {
	tests := []struct {
		s, next, prev Semester
		start         string
	}{
		{"2025-2026-1", "2025-2026-2", "2024-2025-2", "2025-09-01"},
		{"2025-2026-2", "2026-2027-1", "2025-2026-1", "2026-03-01"},
	}
	for _, tt := range tests {
		if tt.s.Next() != tt.next || tt.s.Prev() != tt.prev || tt.s.DefaultStart().String() != tt.start {
			t.Errorf("%s: next %s prev %s start %s", tt.s, tt.s.Next(), tt.s.Prev(), tt.s.DefaultStart())
		}
	}
}

func TestLuhn(t *testing.T) {
	for _, n := range []string{"4111111111111111", "6217850000000000005"} {
		if !LuhnValid(n) {
			t.Errorf("%s should pass", n)
		}
	}
	if LuhnValid("4111111111111112") || LuhnValid("") || LuhnValid("41x1") {
		t.Error("invalid numbers pass")
	}
	d := "621785000000001"
	if !LuhnValid(d + string(LuhnDigit(d))) {
		t.Error("LuhnDigit")
	}
}

func TestMasks(t *testing.T) {
	tests := []struct{ in, want string }{
		{"13800138000", "138****8000"},
		{"6217 8500 0000 0000 005", "**** **** **** **** 005"},
	}
	if got := MaskPhone(tests[0].in); got != tests[0].want {
		t.Errorf("MaskPhone = %s", got)
	}
	got := MaskDigits(tests[1].in)
	if strings.Count(got, "*") != 15 || !strings.HasSuffix(got, "0 005") {
		t.Errorf("MaskDigits = %s", got)
	}
	if Sensitive("13800138000").String() != "*******8000" {
		t.Errorf("Sensitive = %s", Sensitive("13800138000"))
	}
}

func TestSuggest(t *testing.T) {
	tests := []struct {
		name, v string
		cands   []string
		want    string
	}{
		{"typo", "intervews", []string{"interviews", "semester"}, "interviews"},
		{"swap", "smeester", []string{"interviews", "semester"}, "semester"},
		{"hint", "预警", Level("").Values(), "学业警示"},
		{"contained", "试读", Level("").Values(), "跟班试读、退学试读"},
		{"brackets", "综合英语3", []string{"综合英语（3）", "英语语音"}, "综合英语（3）"},
		{"far", "xyz", []string{"interviews"}, ""},
		{"empty", "", []string{"a"}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Suggest(tt.v, tt.cands); got != tt.want {
				t.Errorf("Suggest(%q) = %q, want %q", tt.v, got, tt.want)
			}
		})
	}
}

func FuzzScalars(f *testing.F) {
	for _, s := range []string{"2025-09-20", "2025/9/20 15:30", "+86 138-0013-8000", "6217 8500 0000 0000 005", "缺考", "59.5", "其他：x", "2025-2026-1", "\u200b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, v := range []Scalar{new(Date), new(DateTime), new(Score), new(Phone), new(BankAccount), new(StudentID), new(Semester), new(Topic)} {
			err := v.Set(s)
			if err != nil {
				if _, ok := err.(*Problem); !ok {
					t.Fatalf("%T.Set(%q): %v is not a Problem", v, s, err)
				}
			}
		}
		var p Phone
		if p.Set(s) == nil && p != "" && (len(p) != 11 || strings.Contains(p.Masked(), string(p))) {
			t.Fatalf("phone %q accepted as %q", s, p)
		}
	})
}

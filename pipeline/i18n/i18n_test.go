package i18n

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"
	"testing"

	"github.com/gxu-fl/bangfu/pipeline"
)

// TestEveryCodeHasBothLanguages reads the Code constants from the domain's source,
// so a new code without its sentences fails here.
func TestEveryCodeHasBothLanguages(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "../codes.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	ast.Inspect(f, func(node ast.Node) bool {
		vs, ok := node.(*ast.ValueSpec)
		if !ok || len(vs.Values) != 1 {
			return true
		}
		lit, ok := vs.Values[0].(*ast.BasicLit)
		if !ok {
			return true
		}
		code, _ := strconv.Unquote(lit.Value)
		n++
		m, ok := catalog[pipeline.Code(code)]
		if !ok || m.zh == "" || m.en == "" {
			t.Errorf("code %s has no zh/en message", code)
		}
		return true
	})
	if n < 50 {
		t.Fatalf("read only %d codes", n)
	}
}

func TestExpand(t *testing.T) {
	tests := []struct {
		name, format string
		args         []any
		want         string
	}{
		{"plain", "a {0} b", []any{"x"}, "a x b"},
		{"cond on", "k{?1:, did you mean {1}?}", []any{"a", "b"}, "k, did you mean b?"},
		{"cond off", "k{?1:, did you mean {1}?}", []any{"a", ""}, "k"},
		{"missing arg", "a {3}", nil, "a "},
		{"role en", "{0}", []any{pipeline.RoleCounselor}, "counselor (辅导员)"},
		{"masked", "{0}", []any{pipeline.Sensitive("13800138000")}, "*******8000"},
		{"float", "{0}", []any{1.5}, "1.5"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := expand(EN, tt.format, tt.args); got != tt.want {
				t.Errorf("got %q want %q", got, tt.want)
			}
		})
	}
}

// TestNoMessageQuotesFullNumbers: no sentence, in either language, prints a phone or bank number whole.
func TestNoMessageQuotesFullNumbers(t *testing.T) {
	phone, bank := "13800138000", "6217850000000000006"
	for code := range catalog {
		for _, lang := range []Lang{ZH, EN} {
			msg := T(lang, code, pipeline.Sensitive(phone), pipeline.Sensitive(bank), pipeline.Sensitive(phone))
			if strings.Contains(msg, phone) || strings.Contains(msg, bank) {
				t.Errorf("%s %s: %s", code, lang, msg)
			}
		}
	}
}

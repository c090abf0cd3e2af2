package docx

import (
	"fmt"
	"io"
	"sort"
)

// Values are what one document shows: a tag's name → its value.
type Values map[string]Value

// Value is one tag's content: text (with line breaks), an option list, or the rows of
// a repeated table row. Exactly one is meant to be set; the zero Value prints nothing.
type Value struct {
	Text   string
	Checks []Check
	Rows   []Values
}

// Check is one option of a list printed whole: ☑ when On, ☐ when not.
type Check struct {
	Label string
	On    bool
}

// Text is a Value of plain text.
func Text(s string) Value { return Value{Text: s} }

// Options is a Value listing every label, with the chosen ones ticked.
func Options(labels []string, chosen func(string) bool) Value {
	cs := make([]Check, len(labels))
	for i, l := range labels {
		cs[i] = Check{Label: l, On: chosen(l)}
	}
	return Value{Checks: cs}
}

// HashValues writes v to h in a fixed order, so equal values hash equal.
func HashValues(h io.Writer, v Values) {
	keys := make([]string, 0, len(v))
	for k := range v {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	fmt.Fprintf(h, "{%d", len(keys))
	for _, k := range keys {
		x := v[k]
		fmt.Fprintf(h, "%d:%s=%d:%s[%d", len(k), k, len(x.Text), x.Text, len(x.Checks))
		for _, c := range x.Checks {
			fmt.Fprintf(h, "%d:%s%t", len(c.Label), c.Label, c.On)
		}
		fmt.Fprintf(h, "](%d", len(x.Rows))
		for _, r := range x.Rows {
			HashValues(h, r)
		}
		h.Write([]byte(")"))
	}
	h.Write([]byte("}"))
}

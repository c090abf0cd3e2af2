package docx

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

package docx

import (
	"io"
	"strings"
	"unicode/utf8"
)

// Render writes one document: the template's package with its body filled from v.
// It never re-reads a value as template text, so a {{tag}} typed in a record prints as typed.
func (t *Template) Render(w interface{ Write([]byte) (int, error) }, v Values) error {
	var b strings.Builder
	b.Grow(t.pkg.bodySize * 2)
	renderSegs(&b, t.segs, v, "", nil)
	return t.pkg.write(w, b.String())
}

// WriteBody writes the package around an already rendered body (the floor benchmark).
func (t *Template) WriteBody(w io.Writer, body string) error { return t.pkg.write(w, body) }

// Body renders only word/document.xml, for tests and golden files.
func (t *Template) Body(v Values) string {
	var b strings.Builder
	renderSegs(&b, t.segs, v, "", nil)
	return b.String()
}

func renderSegs(b *strings.Builder, segs []segment, v Values, list string, item Values) {
	for _, s := range segs {
		switch {
		case s.list != "":
			rows := v[s.list].Rows
			if len(rows) == 0 {
				rows = []Values{nil} // one blank row, for a pen
			}
			for _, r := range rows {
				renderSegs(b, s.body, v, s.list, r)
			}
		case s.tag != "":
			val := v[s.tag]
			if list != "" {
				if field, ok := strings.CutPrefix(s.tag, list+"."); ok {
					val = item[field]
				}
			}
			writeValue(b, val)
		default:
			b.WriteString(s.lit)
		}
	}
}

// writeValue writes a value inside an open <w:t xml:space="preserve"> element.
func writeValue(b *strings.Builder, v Value) {
	if v.Checks != nil {
		for i, c := range v.Checks {
			if i > 0 {
				b.WriteString("　")
			}
			if c.On {
				b.WriteString("☑")
			} else {
				b.WriteString("☐")
			}
			writeText(b, c.Label)
		}
		return
	}
	writeText(b, v.Text)
}

// writeText escapes s for XML, drops characters XML 1.0 forbids, and turns line
// breaks and tabs into their own elements between text elements of the same run.
func writeText(b *strings.Builder, s string) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			// not UTF-8: dropped
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			b.WriteString(`</w:t><w:br/><w:t xml:space="preserve">`)
		case r == '\t':
			b.WriteString(`</w:t><w:tab/><w:t xml:space="preserve">`)
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&quot;")
		case !xmlChar(r):
			// \x0b pasted from another program, and the like: XML 1.0 cannot hold them
		default:
			b.WriteRune(r)
		}
	}
}

// xmlChar reports the characters XML 1.0 allows.
func xmlChar(r rune) bool {
	return r == 0x09 || r == 0x0A || r == 0x0D ||
		(r >= 0x20 && r <= 0xD7FF) || (r >= 0xE000 && r <= 0xFFFD) || (r >= 0x10000 && r <= 0x10FFFF)
}

func escapeXML(s string) string {
	var b strings.Builder
	writeText(&b, s)
	return b.String()
}

package docx

import (
	"fmt"
	"regexp"
	"strings"
)

// A paragraph's text is spread over <w:t> elements, one or more per run. Word and WPS
// split a tag typed as {{student.name}} into several runs (spell-check marks, edits,
// language changes), so no single <w:t> holds it. repair moves every tag into the first
// <w:t> it starts in, so that compile can find it whole. Elements between the text
// (run properties, proofErr, bookmarks) are left where they are.

var (
	paraRE = regexp.MustCompile(`(?s)<w:p[ >].*?</w:p>`)
	textRE = regexp.MustCompile(`(?s)<w:t(?: [^>]*)?>(.*?)</w:t>|<w:t(?: [^>]*)?/>`)
)

// textNode is one <w:t> element of a paragraph: where it stands and its text (unescaped).
type textNode struct {
	start, end int // the element's bounds in the paragraph XML
	text       string
}

// TagError is a tag that cannot be used, with where it stands in the template.
type TagError struct {
	Template  string
	Paragraph int    // 1-based, counting every paragraph of the body (table cells included)
	Context   string // the paragraph's text, so a person finds it in Word
	Tag       string
	Problem   string // "unknown", "malformed", "unclosed", "nested list"
	Suggest   string
}

func (e *TagError) Error() string {
	s := fmt.Sprintf("%s: paragraph %d (%q): %s tag %s", e.Template, e.Paragraph, e.Context, e.Problem, e.Tag)
	if e.Suggest != "" {
		s += fmt.Sprintf("; did you mean {{%s}}?", e.Suggest)
	}
	return s
}

// repair returns the document XML with every tag whole inside one <w:t>, and the
// tags that are malformed (an opening {{ with no closing }} in the same paragraph, or
// a }} with no opening).
func repair(name, xml string) (string, []*TagError) {
	var errs []*TagError
	n := 0
	out := paraRE.ReplaceAllStringFunc(xml, func(p string) string {
		n++
		fixed, perrs := repairParagraph(name, n, p)
		errs = append(errs, perrs...)
		return fixed
	})
	return out, errs
}

func repairParagraph(name string, index int, p string) (string, []*TagError) {
	if !strings.Contains(p, "{") && !strings.Contains(p, "}") {
		return p, nil
	}
	var nodes []textNode
	var full strings.Builder
	for _, m := range textRE.FindAllStringSubmatchIndex(p, -1) {
		text := ""
		if m[2] >= 0 {
			text = unescapeXML(p[m[2]:m[3]])
		}
		nodes = append(nodes, textNode{start: m[0], end: m[1], text: text})
		full.WriteString(text)
	}
	all := full.String()
	// Where each node's text begins in the paragraph's text.
	offsets := make([]int, len(nodes)+1)
	for i, nd := range nodes {
		offsets[i+1] = offsets[i] + len(nd.text)
	}
	nodeAt := func(pos int) int {
		for i := range nodes {
			if pos < offsets[i+1] {
				return i
			}
		}
		return len(nodes) - 1
	}
	var errs []*TagError
	context := strings.TrimSpace(all)
	if len([]rune(context)) > 40 {
		context = string([]rune(context)[:40]) + "…"
	}
	texts := make([]string, len(nodes))
	for i, nd := range nodes {
		texts[i] = nd.text
	}
	changed := false
	for pos := 0; ; {
		open := strings.Index(all[pos:], "{{")
		closeOnly := strings.Index(all[pos:], "}}")
		if open < 0 {
			if closeOnly >= 0 {
				errs = append(errs, &TagError{Template: name, Paragraph: index, Context: context, Tag: "}}", Problem: "unopened"})
			}
			break
		}
		if closeOnly >= 0 && closeOnly < open {
			errs = append(errs, &TagError{Template: name, Paragraph: index, Context: context, Tag: "}}", Problem: "unopened"})
		}
		open += pos
		end := strings.Index(all[open+2:], "}}")
		if end < 0 {
			errs = append(errs, &TagError{Template: name, Paragraph: index, Context: context, Tag: all[open:], Problem: "unclosed"})
			break
		}
		end += open + 2 + 2 // just past "}}"
		if next := strings.Index(all[open+2:end-2], "{{"); next >= 0 {
			errs = append(errs, &TagError{Template: name, Paragraph: index, Context: context, Tag: all[open : open+2+next], Problem: "unclosed"})
			pos = open + 2 + next
			continue
		}
		first, last := nodeAt(open), nodeAt(end-1)
		if first != last {
			// Move the whole tag into the first node; cut its pieces from the others.
			changed = true
			tag := all[open:end]
			cutStart := open - offsets[first]
			texts[first] = nodes[first].text[:cutStart] + tag
			for i := first + 1; i < last; i++ {
				texts[i] = ""
			}
			texts[last] = nodes[last].text[end-offsets[last]:]
			// Later tags in the first or last node still need their own text: keep the
			// node texts consistent with "all" by rebuilding the layout.
			for i := first; i <= last; i++ {
				nodes[i].text = texts[i]
			}
			for i := range nodes {
				offsets[i+1] = offsets[i] + len(nodes[i].text)
			}
		}
		pos = end
	}
	if !changed {
		return p, errs
	}
	var b strings.Builder
	last := 0
	for i, nd := range nodes {
		b.WriteString(p[last:nd.start])
		b.WriteString(`<w:t xml:space="preserve">`)
		b.WriteString(escapeXML(texts[i]))
		b.WriteString(`</w:t>`)
		last = nd.end
	}
	b.WriteString(p[last:])
	return b.String(), errs
}

func unescapeXML(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return xmlUnescaper.Replace(s)
}

var xmlUnescaper = strings.NewReplacer("&lt;", "<", "&gt;", ">", "&amp;", "&", "&quot;", `"`, "&apos;", "'", "&#34;", `"`, "&#39;", "'")

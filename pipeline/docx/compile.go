package docx

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"regexp"
	"slices"
	"sort"
	"strings"

	"github.com/gxu-fl/bangfu/pipeline"
	lib "github.com/nguyenthenguyen/docx"
)

// Schema says which tags a form fills: plain fields, and lists whose items have fields.
// A tag outside it is an error naming the template and the tag.
type Schema struct {
	Fields []string
	Lists  map[string][]string
}

// segment is a piece of compiled document XML: literal XML, a tag to fill, or a
// table row repeated once per item of a list.
type segment struct {
	lit  string
	tag  string
	list string
	body []segment
}

// Template is a compiled form: parse it once per build, render it per document.
type Template struct {
	Name  string
	segs  []segment
	pkg   *pkg
	hash  string
	tags  []TagUse
	Valid bool
}

// TagUse is one tag as the template uses it, for bangfu templates check.
type TagUse struct {
	Tag       string
	Paragraph int
	List      string // the repeated row it stands in, if any
}

var (
	tagRE     = regexp.MustCompile(`\{\{(.*?)\}\}`)
	tagNameRE = regexp.MustCompile(`^#?[\p{L}_][\p{L}\p{N}_]*(\.[\p{L}\p{N}_]+)*$`)
	rowOpenRE = regexp.MustCompile(`<w:tr[ >]`)
)

// Parse reads a .docx template through the docx library and compiles it against the
// schema. Errors list every bad tag with its place; the template is unusable then.
func Parse(name string, data []byte, schema Schema) (*Template, []error) {
	if err := checkSize(data); err != nil {
		return nil, []error{fmt.Errorf("%s: %v", name, err)}
	}
	rd, err := lib.ReadDocxFromMemory(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, []error{fmt.Errorf("%s: not a .docx file: %v", name, err)}
	}
	defer rd.Close()
	content := rd.Editable().GetContent()
	p, err := openPackage(data)
	if err != nil {
		return nil, []error{fmt.Errorf("%s: %v", name, err)}
	}
	sum := sha256.Sum256(data)
	t := &Template{Name: name, pkg: p, hash: hex.EncodeToString(sum[:])}
	repaired, terrs := repair(name, content)
	var errs []error
	for _, e := range terrs {
		errs = append(errs, e)
	}
	c := &compiler{name: name, schema: schema, paraStarts: paragraphStarts(repaired)}
	t.segs = c.compile(repaired, 0, "")
	t.tags = c.uses
	for _, e := range c.errs {
		errs = append(errs, e)
	}
	t.Valid = len(errs) == 0
	return t, errs
}

// Tags lists the template's tags in document order.
func (t *Template) Tags() []TagUse { return t.tags }

type compiler struct {
	name       string
	schema     Schema
	paraStarts []int
	uses       []TagUse
	errs       []*TagError
}

func paragraphStarts(xml string) []int {
	var starts []int
	for _, m := range paraRE.FindAllStringIndex(xml, -1) {
		starts = append(starts, m[0])
	}
	return starts
}

// paragraphAt is the 1-based index of the paragraph containing offset off.
func (c *compiler) paragraphAt(off int) int {
	return sort.SearchInts(c.paraStarts, off+1)
}

// compile splits xml (which starts at offset base of the document) into segments.
// Inside a repeated row, list names the list its tags may draw on.
func (c *compiler) compile(xml string, base int, list string) []segment {
	var segs []segment
	lit := func(s string) {
		if s == "" {
			return
		}
		if n := len(segs); n > 0 && segs[n-1].tag == "" && segs[n-1].list == "" {
			segs[n-1].lit += s
			return
		}
		segs = append(segs, segment{lit: s})
	}
	pos := 0
	for pos < len(xml) {
		// The next repeated row (outside rows only) or text node with a tag, whichever comes first.
		nextRow := -1
		var rowStart, rowEnd int
		var rowList string
		if list == "" {
			rowStart, rowEnd, rowList = c.nextListRow(xml, pos)
			nextRow = rowStart
		}
		m := nextTaggedText(xml, pos)
		if nextRow >= 0 && (m == nil || nextRow < m[0]) {
			lit(xml[pos:rowStart])
			row := c.stripMarker(xml[rowStart:rowEnd], rowList)
			segs = append(segs, segment{list: rowList, body: c.compile(row, base+rowStart, rowList)})
			pos = rowEnd
			continue
		}
		if m == nil {
			lit(xml[pos:])
			break
		}
		lit(xml[pos:m[0]])
		// The element, rewritten to preserve spaces, with its content split at each tag.
		lit(`<w:t xml:space="preserve">`)
		content := xml[m[2]:m[3]]
		cpos := 0
		for _, tm := range tagRE.FindAllStringSubmatchIndex(content, -1) {
			lit(content[cpos:tm[0]])
			name := strings.TrimSpace(content[tm[2]:tm[3]])
			if strings.HasPrefix(name, "#") {
				// A list marker outside a row, or a second marker inside one.
				c.fail(base+m[0], content[tm[0]:tm[1]], "list outside a table row", "")
			} else if c.check(base+m[0], name, list) {
				segs = append(segs, segment{tag: name})
			}
			cpos = tm[1]
		}
		lit(content[cpos:])
		lit(`</w:t>`)
		pos = m[1]
	}
	return segs
}

// nextTaggedText finds the next <w:t> whose text holds a tag: [start end contentStart contentEnd].
func nextTaggedText(xml string, from int) []int {
	for {
		m := textRE.FindStringSubmatchIndex(xml[from:])
		if m == nil {
			return nil
		}
		for i := range m {
			if m[i] >= 0 {
				m[i] += from
			}
		}
		if m[2] >= 0 && strings.Contains(xml[m[2]:m[3]], "{{") {
			return m
		}
		from = m[1]
	}
}

// nextListRow finds the next table row holding a {{#list}} marker.
func (c *compiler) nextListRow(xml string, from int) (start, end int, list string) {
	for {
		i := strings.Index(xml[from:], "{{#")
		if i < 0 {
			return -1, -1, ""
		}
		i += from
		j := strings.Index(xml[i:], "}}")
		if j < 0 {
			return -1, -1, ""
		}
		name := strings.TrimSpace(xml[i+3 : i+j])
		// The innermost <w:tr> that opens before the marker and is still open there.
		start = -1
		for _, loc := range rowOpenRE.FindAllStringIndex(xml[:i], -1) {
			if !strings.Contains(xml[loc[0]:i], "</w:tr>") {
				start = loc[0]
			}
		}
		if start < 0 {
			from = i + j
			continue
		}
		e := strings.Index(xml[i:], "</w:tr>")
		if e < 0 {
			return -1, -1, ""
		}
		if _, ok := c.schema.Lists[name]; !ok {
			c.fail(start, "{{#"+name+"}}", "unknown list", pipeline.Suggest(name, slices.Sorted(maps.Keys(c.schema.Lists))))
		}
		return start, i + e + len("</w:tr>"), name
	}
}

// stripMarker removes the row's {{#list}} marker, keeping everything else.
func (c *compiler) stripMarker(row, list string) string {
	re := regexp.MustCompile(`\{\{\s*#` + regexp.QuoteMeta(list) + `\s*\}\}`)
	done := false
	return re.ReplaceAllStringFunc(row, func(s string) string {
		if done {
			return s // a second marker is reported by compile
		}
		done = true
		return ""
	})
}

// check records a tag use and reports whether the schema knows it.
func (c *compiler) check(off int, name, list string) bool {
	c.uses = append(c.uses, TagUse{Tag: name, Paragraph: c.paragraphAt(off), List: list})
	if !tagNameRE.MatchString(name) {
		c.fail(off, "{{"+name+"}}", "malformed", "")
		return false
	}
	if list != "" {
		if field, ok := strings.CutPrefix(name, list+"."); ok {
			if slices.Contains(c.schema.Lists[list], field) {
				return true
			}
			var cands []string
			for _, f := range c.schema.Lists[list] {
				cands = append(cands, list+"."+f)
			}
			c.fail(off, "{{"+name+"}}", "unknown", pipeline.Suggest(name, cands))
			return false
		}
	}
	if slices.Contains(c.schema.Fields, name) {
		return true
	}
	cands := append([]string(nil), c.schema.Fields...)
	for l, fs := range c.schema.Lists {
		for _, f := range fs {
			cands = append(cands, l+"."+f)
		}
	}
	problem := "unknown"
	if _, isList := c.schema.Lists[strings.SplitN(name, ".", 2)[0]]; isList && list == "" {
		problem = "list field outside its {{#list}} row:"
	}
	c.fail(off, "{{"+name+"}}", problem, pipeline.Suggest(name, cands))
	return false
}

func (c *compiler) fail(off int, tag, problem, suggest string) {
	c.errs = append(c.errs, &TagError{Template: c.name, Paragraph: c.paragraphAt(off), Tag: tag, Problem: problem, Suggest: suggest})
}

// Hash identifies the template's bytes, for the build's output hashes.
func (t *Template) Hash() string { return t.hash }

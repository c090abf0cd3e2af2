package store

import (
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// Patch sets fields of a records file by editing only the text of their values, so
// that everything else — comments, blank lines, order, what staff wrote — stays byte
// for byte. set maps a field path of one or two levels ("student.name",
// "warning.failed_courses") to the YAML text of its new value (a scalar, or a flow
// collection such as [{name: 课程}]). A missing field is added to its mapping. Patch
// then reads the result back and refuses it unless every field it was not asked to
// set reads as before.
func Patch(data []byte, set map[string]string) ([]byte, error) {
	for p, v := range set {
		if strings.ContainsAny(v, "\r\n") {
			return nil, fmt.Errorf("%s: a value of one line is expected", p)
		}
	}
	out := data
	// Apply one field at a time, re-parsing in between: positions move with each edit.
	for _, path := range slices.Sorted(maps.Keys(set)) {
		next, err := patchOne(out, path, set[path])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = next
	}
	before, after := Flatten(data), Flatten(out)
	if after == nil {
		return nil, errors.New("the patched file does not read")
	}
	for k, v := range before {
		if owned(k, set) {
			continue
		}
		if after[k] != v {
			return nil, fmt.Errorf("the patch would change %s, which it does not own", k)
		}
	}
	for k := range after {
		if _, ok := before[k]; !ok && !owned(k, set) {
			return nil, fmt.Errorf("the patch would add %s, which it does not own", k)
		}
	}
	return out, nil
}

func owned(k string, set map[string]string) bool {
	for p := range set {
		if k == p || strings.HasPrefix(k, p+".") || strings.HasPrefix(k, p+"[") {
			return true
		}
	}
	return false
}

func patchOne(data []byte, path, value string) ([]byte, error) {
	root, _, fs := parse("", data)
	if root == nil || len(fs) > 0 {
		return nil, errors.New("the file does not read")
	}
	lines := strings.SplitAfter(string(data), "\n")
	parentPath, key, _ := strings.Cut(path, ".")
	if key == "" {
		parentPath, key = "", path
	}
	parent := root
	if parentPath != "" {
		k, v := find(root, parentPath)
		switch {
		case k == nil:
			return nil, fmt.Errorf("no %s in the file", parentPath)
		case v.Kind != yaml.MappingNode:
			return nil, fmt.Errorf("%s is not a mapping", parentPath)
		}
		parent = v
	}
	k, v := find(parent, key)
	if k == nil {
		return insert(lines, parent, key, value)
	}
	// The value's text starts after "key:" on the key's line.
	l := lines[k.Line-1]
	start := byteCol(l, k.Column) + len(k.Value)
	if k.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		start += 2
	}
	colon := strings.IndexByte(l[start:], ':')
	if colon < 0 {
		return nil, errors.New("no colon after the key")
	}
	start += colon + 1
	end, endLine, err := valueEnd(lines, k, v, start, parent.Style&yaml.FlowStyle != 0)
	if err != nil {
		return nil, err
	}
	var b strings.Builder
	for i := 0; i < k.Line-1; i++ {
		b.WriteString(lines[i])
	}
	b.WriteString(l[:start])
	b.WriteString(" " + value)
	tail := lines[endLine-1][end:]
	if endLine == k.Line {
		tail = l[end:]
	}
	if tail != "" && tail != "\n" && !strings.HasPrefix(tail, " ") && !strings.HasPrefix(tail, ",") && !strings.HasPrefix(tail, "}") {
		b.WriteString(" ")
	}
	b.WriteString(tail)
	for i := endLine; i < len(lines); i++ {
		b.WriteString(lines[i])
	}
	return []byte(b.String()), nil
}

// find is the key and value nodes of key in a mapping.
func find(m *yaml.Node, key string) (*yaml.Node, *yaml.Node) {
	for i := 0; i+1 < len(m.Content); i += 2 {
		if m.Content[i].Value == key {
			return m.Content[i], m.Content[i+1]
		}
	}
	return nil, nil
}

// byteCol is the byte offset of a 1-based character column.
func byteCol(line string, col int) int {
	off := 0
	for i := 1; i < col && off < len(line); i++ {
		_, size := utf8.DecodeRuneInString(line[off:])
		off += size
	}
	return off
}

// valueEnd finds where a value's text ends: on the key's line for a scalar or a flow
// collection; after its last line for a block collection. It returns the byte offset
// in that line and the line (1-based).
func valueEnd(lines []string, k, v *yaml.Node, start int, inFlow bool) (int, int, error) {
	l := lines[k.Line-1]
	switch {
	case v.Kind == yaml.ScalarNode && v.Line == k.Line:
		i := start
		for i < len(l) && l[i] == ' ' {
			i++
		}
		switch v.Style {
		case yaml.DoubleQuotedStyle:
			for j := i + 1; j < len(l); j++ {
				if l[j] == '\\' {
					j++
					continue
				}
				if l[j] == '"' {
					return j + 1, k.Line, nil
				}
			}
			return 0, 0, errors.New("an unclosed quote")
		case yaml.SingleQuotedStyle:
			for j := i + 1; j < len(l); j++ {
				if l[j] == '\'' {
					if j+1 < len(l) && l[j+1] == '\'' {
						j++
						continue
					}
					return j + 1, k.Line, nil
				}
			}
			return 0, 0, errors.New("an unclosed quote")
		case 0:
			if isNull(v) && v.Value == "" {
				return start, k.Line, nil // nothing written after the colon
			}
			end := len(strings.TrimRight(l, "\r\n"))
			if c := strings.Index(l[i:], " #"); c >= 0 {
				end = i + c
			}
			if inFlow {
				if c := strings.IndexAny(l[i:end], ",}]"); c >= 0 {
					end = i + c
				}
			}
			return len(strings.TrimRight(l[:end], " ")), k.Line, nil
		}
		return 0, 0, errors.New("a block text value (|) is not the list's to change")
	case v.Kind != yaml.ScalarNode && v.Style&yaml.FlowStyle != 0 && v.Line == k.Line:
		// A one-line flow collection: to its matching bracket.
		i := strings.IndexAny(l[start:], "[{")
		if i < 0 {
			return 0, 0, errors.New("no bracket")
		}
		depth, quote := 0, byte(0)
		for j := start + i; j < len(l); j++ {
			c := l[j]
			switch {
			case quote != 0:
				if c == quote {
					quote = 0
				}
			case c == '"' || c == '\'':
				quote = c
			case c == '[' || c == '{':
				depth++
			case c == ']' || c == '}':
				depth--
				if depth == 0 {
					return j + 1, k.Line, nil
				}
			}
		}
		return 0, 0, errors.New("a flow collection over several lines")
	case v.Kind == yaml.SequenceNode || v.Kind == yaml.MappingNode:
		// A block collection: the lines below the key that are deeper (or "- " items at its
		// indentation), not counting blank or comment lines after the last of them.
		keyIndent := k.Column - 1
		last := k.Line
		for i := k.Line; i < len(lines); i++ {
			t := strings.TrimRight(lines[i], "\r\n")
			trim := strings.TrimLeft(t, " ")
			ind := len(t) - len(trim)
			switch {
			case trim == "" || strings.HasPrefix(trim, "#"):
				continue
			case ind > keyIndent || (ind == keyIndent && strings.HasPrefix(trim, "- ")):
				last = i + 1
				continue
			}
			break
		}
		l := lines[last-1]
		return len(strings.TrimRight(l, "\r\n")), last, nil
	}
	return 0, 0, errors.New("a value this patch does not edit")
}

// insert adds "key: value" to a mapping: a line after its last entry (block), or
// before its closing brace (a one-line flow mapping).
func insert(lines []string, m *yaml.Node, key, value string) ([]byte, error) {
	if len(m.Content) == 0 {
		return nil, errors.New("an empty mapping")
	}
	lastK, lastV := m.Content[len(m.Content)-2], m.Content[len(m.Content)-1]
	if m.Style&yaml.FlowStyle != 0 {
		l := lines[lastK.Line-1]
		start := byteCol(l, lastK.Column)
		end, _, err := valueEnd(lines, lastK, lastV, start+strings.IndexByte(l[start:], ':')+1, true)
		if err != nil {
			return nil, err
		}
		lines[lastK.Line-1] = l[:end] + ", " + key + ": " + value + l[end:]
		return []byte(strings.Join(lines, "")), nil
	}
	_, endLine, err := valueEnd(lines, lastK, lastV, byteCol(lines[lastK.Line-1], lastK.Column)+len(lastK.Value)+1, false)
	if err != nil {
		return nil, err
	}
	line := strings.Repeat(" ", lastK.Column-1) + key + ": " + value + "\n"
	if !strings.HasSuffix(lines[endLine-1], "\n") {
		lines[endLine-1] += "\n"
	}
	out := append(append(append([]string{}, lines[:endLine]...), line), lines[endLine:]...)
	return []byte(strings.Join(out, "")), nil
}

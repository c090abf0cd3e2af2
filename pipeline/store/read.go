package store

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/gxu-fl/bangfu/pipeline"
	"go.yaml.in/yaml/v3"
)

// MaxFileSize is the largest records file bangfu reads; a case file is a few KiB.
const MaxFileSize = 1 << 20

var (
	bom = []byte{0xEF, 0xBB, 0xBF}
	// asciiKeyFullWidth is a key of this format followed by a full-width colon: "name：张三".
	asciiKeyFullWidth = regexp.MustCompile(`^(\s*(?:-\s+)?)[A-Za-z_][A-Za-z0-9_]*\s*：`)
	conflictMarker    = regexp.MustCompile(`^(<{7}|={7}|>{7}|\|{7})(\s|$)`)
	yamlLine          = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)
)

// parse turns a file's bytes into its document's root mapping, or findings that say,
// in words for a person, why it cannot be read. It never panics and never loops.
func parse(file string, data []byte) (*yaml.Node, []string, []pipeline.Finding) {
	at := func(line, col int, code pipeline.Code, args ...any) []pipeline.Finding {
		return []pipeline.Finding{{Pos: pipeline.Pos{File: file, Line: line, Col: col}, Severity: pipeline.Error, Code: code, Args: args}}
	}
	if len(data) > MaxFileSize {
		return nil, nil, at(1, 1, pipeline.CodeTooLarge, len(data)/1024, MaxFileSize/1024)
	}
	data = bytes.TrimPrefix(data, bom)
	if bytes.HasPrefix(data, []byte{0xFF, 0xFE}) || bytes.HasPrefix(data, []byte{0xFE, 0xFF}) {
		return nil, nil, at(1, 1, pipeline.CodeNotUTF8, "UTF-16")
	}
	if !utf8.Valid(data) {
		line, col := invalidUTF8At(data)
		return nil, nil, at(line, col, pipeline.CodeNotUTF8, "GBK")
	}
	text := string(data)
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")

	var pre []pipeline.Finding
	for i, l := range lines {
		// Byte tests first: the regexps run only on the rare lines that could match.
		if len(l) >= 7 && strings.IndexByte("<=>|", l[0]) >= 0 && conflictMarker.MatchString(l) {
			return nil, lines, at(i+1, 1, pipeline.CodeConflictMarker)
		}
		if strings.Contains(l, "：") {
			if m := asciiKeyFullWidth.FindStringSubmatch(l); m != nil && knownKeys[strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(m[0]), "-")), "："))] {
				col := utf8.RuneCountInString(l[:strings.Index(l, "：")]) + 1
				pre = append(pre, at(i+1, col, pipeline.CodeFullWidthColon)...)
			}
		}
		if ws := l[:len(l)-len(strings.TrimLeft(l, " \t"))]; strings.Contains(ws, "\t") {
			pre = append(pre, at(i+1, strings.Index(ws, "\t")+1, pipeline.CodeTabIndent)...)
		}
	}
	if len(pre) > 0 {
		return nil, lines, pre
	}

	dec := yaml.NewDecoder(strings.NewReader(text))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, lines, at(1, 1, pipeline.CodeEmptyFile)
		}
		return nil, lines, syntaxFinding(file, lines, err)
	}
	if len(doc.Content) == 0 || isNull(doc.Content[0]) {
		return nil, lines, at(1, 1, pipeline.CodeEmptyFile)
	}
	var second yaml.Node
	if err := dec.Decode(&second); !errors.Is(err, io.EOF) {
		return nil, lines, at(secondDocLine(lines), 1, pipeline.CodeSecondDocument)
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		if root.Kind == yaml.ScalarNode && strings.Contains(root.Value, "：") {
			return nil, lines, at(root.Line, root.Column, pipeline.CodeFullWidthColon)
		}
		return nil, lines, at(root.Line, root.Column, pipeline.CodeWantMapping, kindName(root))
	}
	return root, lines, nil
}

// syntaxFinding places a YAML syntax error at its line and explains it in the user's terms.
func syntaxFinding(file string, lines []string, err error) []pipeline.Finding {
	msg := err.Error()
	line := 1
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ = strconv.Atoi(m[1])
		msg = m[2]
	}
	line = max(1, min(line, len(lines)))
	// A full-width colon on this or the previous line is the usual cause of a broken mapping.
	for _, l := range []int{line, line - 1} {
		if l >= 1 && strings.Contains(lines[l-1], "：") && !strings.Contains(lines[l-1], ": ") {
			col := utf8.RuneCountInString(lines[l-1][:strings.Index(lines[l-1], "：")]) + 1
			return []pipeline.Finding{{Pos: pipeline.Pos{File: file, Line: l, Col: col}, Severity: pipeline.Error, Code: pipeline.CodeFullWidthColon}}
		}
	}
	l := lines[line-1]
	col := utf8.RuneCountInString(l) - utf8.RuneCountInString(strings.TrimLeft(l, " ")) + 1
	hint := syntaxHint(msg)
	// A line indented deeper than a complete "key: value" line above it is an indentation slip.
	if hint == pipeline.HintColonInValue && line >= 2 {
		prev := strings.TrimRight(lines[line-2], " ")
		if indent(l) > indent(prev) && !strings.HasSuffix(prev, ":") && strings.Contains(prev, ": ") {
			hint = pipeline.HintIndent
		}
	}
	return []pipeline.Finding{{Pos: pipeline.Pos{File: file, Line: line, Col: col}, Severity: pipeline.Error,
		Code: pipeline.CodeYAMLSyntax, Args: []any{hint, msg}}}
}

func indent(l string) int { return len(l) - len(strings.TrimLeft(l, " ")) }

// syntaxHint names, for the i18n catalogue, what a person most likely did.
func syntaxHint(msg string) pipeline.Code {
	switch {
	case strings.Contains(msg, "mapping values are not allowed"):
		return pipeline.HintColonInValue
	case strings.Contains(msg, "did not find expected key"), strings.Contains(msg, "did not find expected '-'"),
		strings.Contains(msg, "block sequence entries are not allowed"):
		return pipeline.HintIndent
	case strings.Contains(msg, "could not find expected ':'"):
		return pipeline.HintMissingColon
	case strings.Contains(msg, "found unexpected end of stream"), strings.Contains(msg, "did not find expected node content"),
		strings.Contains(msg, "unknown escape"), strings.Contains(msg, "found unknown escape"):
		return pipeline.HintQuote
	case strings.Contains(msg, "cannot start any token"):
		return pipeline.HintToken
	case strings.Contains(msg, "exceeded max depth"):
		return pipeline.HintDepth
	case strings.Contains(msg, "alias"), strings.Contains(msg, "anchor"):
		return pipeline.HintAlias
	}
	return pipeline.HintOther
}

func secondDocLine(lines []string) int {
	seenContent := false
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if strings.HasPrefix(t, "---") && seenContent {
			return i + 1
		}
		if t != "" && !strings.HasPrefix(t, "#") && !strings.HasPrefix(t, "---") && !strings.HasPrefix(t, "%") {
			seenContent = true
		}
	}
	return 1
}

// invalidUTF8At is the line and column (in characters) of the first byte that is not UTF-8.
func invalidUTF8At(data []byte) (int, int) {
	line, col := 1, 1
	for len(data) > 0 {
		r, size := utf8.DecodeRune(data)
		if r == utf8.RuneError && size <= 1 {
			return line, col
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		data = data[size:]
	}
	return line, col
}

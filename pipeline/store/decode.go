package store

import (
	"fmt"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/gxu-fl/bangfu/pipeline"
	"go.yaml.in/yaml/v3"
)

// decoder fills a domain record from a yaml.Node, keeping every field's position
// and reporting each problem at its place instead of stopping at the first.
type decoder struct {
	src      *pipeline.Source
	lines    []string // the file's lines, for column counting in characters
	findings []pipeline.Finding
}

var (
	scalarType = reflect.TypeFor[pipeline.Scalar]()
	enumType   = reflect.TypeFor[pipeline.Enum]()
)

func (d *decoder) errorf(n *yaml.Node, path string, code pipeline.Code, args ...any) {
	d.errorAt(n.Line, n.Column, path, code, args...)
}

func (d *decoder) errorAt(line, col int, path string, code pipeline.Code, args ...any) {
	if d.src.Broken == nil {
		d.src.Broken = map[string]bool{}
	}
	d.src.Broken[path] = true
	d.src.Failed = true
	d.findings = append(d.findings, pipeline.Finding{
		Pos: pipeline.Pos{File: d.src.File, Line: line, Col: d.charCol(line, col)}, Field: path,
		Severity: pipeline.Error, Code: code, Args: args,
	})
}

// charCol turns yaml's column (counted in bytes... or runes) into characters, as editors count.
// yaml.v3 counts columns in characters already; keep it, but never past the line's end.
func (d *decoder) charCol(line, col int) int {
	if line >= 1 && line <= len(d.lines) {
		if n := utf8.RuneCountInString(d.lines[line-1]) + 1; col > n {
			return n
		}
	}
	if col < 1 {
		return 1
	}
	return col
}

func (d *decoder) mark(n *yaml.Node, path string) {
	if path == "" {
		return
	}
	d.src.Pos[intern(path)] = pipeline.Pos{File: d.src.File, Line: n.Line, Col: d.charCol(n.Line, n.Column)}
}

// paths interns field paths: every case file repeats the same few hundred
// ("interviews[0].by"), and a loaded repository keeps them in each record's Source.
var paths sync.Map

func intern(p string) string {
	if v, ok := paths.Load(p); ok {
		return v.(string)
	}
	v, _ := paths.LoadOrStore(p, p)
	return v.(string)
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

func kindName(n *yaml.Node) pipeline.Code {
	switch n.Kind {
	case yaml.MappingNode:
		return pipeline.KindMapping
	case yaml.SequenceNode:
		return pipeline.KindList
	default:
		return pipeline.KindScalar
	}
}

func isNull(n *yaml.Node) bool {
	return n.Kind == yaml.ScalarNode && n.Tag == "!!null"
}

// decode fills v (addressable) from n. path names v in messages ("interviews[0].by").
func (d *decoder) decode(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind == yaml.AliasNode {
		d.errorf(n, path, pipeline.CodeAlias)
		return
	}
	if isNull(n) {
		return // left empty: missing values are to-dos, not errors
	}
	t := v.Type()
	if t.Kind() == reflect.Pointer {
		nv := reflect.New(t.Elem())
		d.decode(n, nv.Elem(), path)
		v.Set(nv)
		return
	}
	if reflect.PointerTo(t).Implements(scalarType) {
		text, ok := d.scalar(n, path)
		if !ok {
			return
		}
		if err := v.Addr().Interface().(pipeline.Scalar).Set(text); err != nil {
			d.problem(n, path, err)
		}
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		d.decodeStruct(n, v, path)
	case reflect.Slice:
		d.decodeSlice(n, v, path)
	case reflect.Map:
		d.decodeMap(n, v, path)
	case reflect.String:
		text, ok := d.scalar(n, path)
		if !ok {
			return
		}
		if t.Implements(enumType) {
			values := reflect.Zero(t).Interface().(pipeline.Enum).Values()
			text = strings.TrimSpace(text)
			if p := pipeline.CheckEnum(text, values); p != nil {
				d.errorf(n, path, p.Code, p.Args...)
				return
			}
		}
		v.SetString(text)
	case reflect.Float64:
		text, ok := d.scalar(n, path)
		if !ok {
			return
		}
		f, err := strconv.ParseFloat(strings.TrimSpace(text), 64)
		if err != nil {
			d.errorf(n, path, pipeline.CodeBadNumber, text)
			return
		}
		v.SetFloat(f)
	case reflect.Int:
		text, ok := d.scalar(n, path)
		if !ok {
			return
		}
		i, err := strconv.Atoi(strings.TrimSpace(text))
		if err != nil {
			d.errorf(n, path, pipeline.CodeBadInteger, text)
			return
		}
		v.SetInt(int64(i))
	default:
		panic(fmt.Sprintf("store: no decoder for %s", t))
	}
}

func (d *decoder) problem(n *yaml.Node, path string, err error) {
	if p, ok := err.(*pipeline.Problem); ok {
		d.errorf(n, path, p.Code, p.Args...)
		return
	}
	d.errorf(n, path, pipeline.CodeYAMLSyntax, err.Error())
}

// scalar is the text of a scalar node exactly as written, never as YAML would resolve it:
// an unquoted 0123 stays "0123" and 1.50 stays "1.50".
func (d *decoder) scalar(n *yaml.Node, path string) (string, bool) {
	d.mark(n, path)
	if n.Kind != yaml.ScalarNode {
		d.errorf(n, path, pipeline.CodeWantScalar, kindName(n))
		return "", false
	}
	text := n.Value
	if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		text = strings.TrimRight(text, "\n")
	}
	// A plain value followed by "#text" (no space after #) was most likely cut by YAML:
	// place: 3号楼 #201室 reads as "3号楼". Say so rather than lose half of it.
	if n.Style == 0 && n.LineComment != "" && !strings.HasPrefix(n.LineComment, "# ") && n.LineComment != "#" {
		d.errorf(n, path, pipeline.CodeCutByComment, text, strings.TrimPrefix(n.LineComment, "#"))
		return "", false
	}
	return text, true
}

func (d *decoder) decodeStruct(n *yaml.Node, v reflect.Value, path string) {
	t := v.Type()
	if n.Kind != yaml.MappingNode {
		d.mark(n, path)
		if n.Kind == yaml.ScalarNode && strings.ContainsAny(n.Value, "：") {
			d.errorf(n, path, pipeline.CodeFullWidthColon)
			return
		}
		d.errorf(n, path, pipeline.CodeWantMapping, kindName(n))
		return
	}
	fields := fieldsOf(t)
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := n.Content[i], n.Content[i+1]
		key := kn.Value
		if kn.Kind != yaml.ScalarNode {
			d.errorf(kn, path, pipeline.CodeWantScalar, kindName(kn))
			continue
		}
		fpath := join(path, key)
		if first, dup := seen[key]; dup {
			d.errorf(kn, fpath, pipeline.CodeDuplicateKey, key, first.Line)
			continue
		}
		seen[key] = kn
		f, ok := fields.byKey[key]
		if !ok {
			if strings.ContainsAny(key, "：") {
				d.errorf(kn, fpath, pipeline.CodeFullWidthColon)
				continue
			}
			d.errorf(kn, fpath, pipeline.CodeUnknownKey, key, pipeline.Suggest(key, fields.keys))
			continue
		}
		d.mark(kn, fpath)
		d.decode(vn, v.Field(f.index), fpath)
		d.checkRange(vn, v.Field(f.index), fpath, f)
		// Structures and lists are reported at their key; a scalar at its value.
		if vn.Kind != yaml.ScalarNode {
			d.mark(kn, fpath)
		}
	}
	for _, f := range fields.list {
		if f.required && seen[f.key] == nil {
			d.errorf(n, path, pipeline.CodeMissingRequired, f.key)
		}
	}
}

func (d *decoder) decodeSlice(n *yaml.Node, v reflect.Value, path string) {
	elem := v.Type().Elem()
	items := n.Content
	if n.Kind != yaml.SequenceNode {
		// One value where a list is expected (difficulty: 适应型) is a list of one,
		// as a person who has never seen YAML would mean it.
		if n.Kind == yaml.ScalarNode && isScalarType(elem) {
			items = []*yaml.Node{n}
		} else {
			d.mark(n, path)
			d.errorf(n, path, pipeline.CodeWantList, kindName(n))
			return
		}
	}
	s := reflect.MakeSlice(v.Type(), 0, len(items))
	for i, item := range items {
		ipath := fmt.Sprintf("%s[%d]", path, i)
		if isNull(item) {
			continue
		}
		d.mark(item, ipath)
		ev := reflect.New(elem).Elem()
		d.decode(item, ev, ipath)
		s = reflect.Append(s, ev)
	}
	v.Set(s)
}

func (d *decoder) decodeMap(n *yaml.Node, v reflect.Value, path string) {
	if n.Kind != yaml.MappingNode {
		d.mark(n, path)
		d.errorf(n, path, pipeline.CodeWantMapping, kindName(n))
		return
	}
	m := reflect.MakeMapWithSize(v.Type(), len(n.Content)/2)
	seen := map[string]*yaml.Node{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		kn, vn := n.Content[i], n.Content[i+1]
		key := strings.TrimSpace(kn.Value)
		kpath := join(path, key)
		if first, dup := seen[key]; dup {
			d.errorf(kn, kpath, pipeline.CodeDuplicateKey, key, first.Line)
			continue
		}
		seen[key] = kn
		d.mark(kn, kpath)
		ev := reflect.New(v.Type().Elem()).Elem()
		d.decode(vn, ev, kpath)
		m.SetMapIndex(reflect.ValueOf(key).Convert(v.Type().Key()), ev)
	}
	v.Set(m)
}

func isScalarType(t reflect.Type) bool {
	if reflect.PointerTo(t).Implements(scalarType) {
		return true
	}
	switch t.Kind() {
	case reflect.String, reflect.Int, reflect.Float64:
		return true
	}
	return false
}

// checkRange reports a number outside its field's min..max.
func (d *decoder) checkRange(n *yaml.Node, v reflect.Value, path string, f field) {
	if (f.min == nil && f.max == nil) || d.src.Broken[path] {
		return
	}
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	var x float64
	switch v.Kind() {
	case reflect.Float64:
		x = v.Float()
	case reflect.Int:
		x = float64(v.Int())
	default:
		return
	}
	if (f.min != nil && x < *f.min) || (f.max != nil && x > *f.max) {
		d.errorf(n, path, pipeline.CodeOutOfRange, n.Value, *f.min, *f.max)
	}
}

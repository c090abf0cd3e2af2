// Package schema writes JSON Schemas of the records format from the domain types
// and their struct tags — the same definitions the loader decodes with — so that
// VS Code's YAML extension completes and checks as staff type.
package schema

import (
	"bytes"
	"encoding/json"
	"reflect"
	"sort"
	"strconv"

	"github.com/gxu-fl/bangfu/pipeline"
)

// File is one schema file and the record type it describes.
type File struct {
	Name  string // case.schema.json
	Title string
	Type  reflect.Type
}

// Files are the schemas bangfu writes into a repository's schema/ folder.
var Files = []File{
	{"case.schema.json", "学业帮扶个案 records/学期/students/学号.yaml", reflect.TypeFor[pipeline.Case]()},
	{"meeting.schema.json", "学业预警学生帮扶座谈会记录（附件1） records/学期/meetings/*.yaml", reflect.TypeFor[pipeline.Meeting]()},
	{"survey.schema.json", "学情学风调查 records/学期/surveys/班级.yaml", reflect.TypeFor[pipeline.Survey]()},
	{"bangfu.schema.json", "bangfu 设置与班级名册 bangfu.yaml", reflect.TypeFor[pipeline.Config]()},
}

// Generate is the schema of one record type as indented JSON, byte for byte the same every time.
func Generate(f File) []byte {
	s := object(f.Type)
	s["$schema"] = "http://json-schema.org/draft-07/schema#"
	s["$id"] = "https://bangfu.invalid/schema/" + f.Name
	s["title"] = f.Title
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(s); err != nil {
		panic(err) // only maps, slices and strings: cannot fail
	}
	return buf.Bytes()
}

type schemaTyper interface{ SchemaType() map[string]any }

var (
	typerType = reflect.TypeFor[schemaTyper]()
	enumType  = reflect.TypeFor[pipeline.Enum]()
)

func object(t reflect.Type) map[string]any {
	props := map[string]any{}
	var required []string
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		key := sf.Tag.Get("yaml")
		if key == "" || key == "-" || !sf.IsExported() {
			continue
		}
		p := typeOf(sf.Type)
		if title := sf.Tag.Get("title"); title != "" {
			p["title"] = title
		}
		if d := sf.Tag.Get("desc"); d != "" {
			p["description"] = d
		} else if title := sf.Tag.Get("title"); title != "" {
			p["description"] = title
		}
		for _, b := range []string{"min", "max"} {
			if v := sf.Tag.Get(b); v != "" {
				f, _ := strconv.ParseFloat(v, 64)
				p[map[string]string{"min": "minimum", "max": "maximum"}[b]] = f
			}
		}
		if sf.Tag.Get("required") == "true" {
			required = append(required, key)
		}
		props[key] = p
	}
	s := map[string]any{"type": "object", "properties": props, "additionalProperties": false}
	if len(required) > 0 {
		sort.Strings(required)
		s["required"] = required
	}
	return s
}

func typeOf(t reflect.Type) map[string]any {
	nullable := false
	if t.Kind() == reflect.Pointer {
		t, nullable = t.Elem(), true
	}
	if t.Implements(typerType) {
		return reflect.Zero(t).Interface().(schemaTyper).SchemaType()
	}
	var s map[string]any
	switch t.Kind() {
	case reflect.String:
		s = map[string]any{"type": "string"}
		if t.Implements(enumType) {
			s["enum"] = reflect.Zero(t).Interface().(pipeline.Enum).Values()
		}
	case reflect.Float64:
		s = map[string]any{"type": "number"}
	case reflect.Int:
		s = map[string]any{"type": "integer"}
	case reflect.Slice:
		s = map[string]any{"type": "array", "items": typeOf(t.Elem())}
	case reflect.Map:
		s = map[string]any{"type": "object", "additionalProperties": typeOf(t.Elem())}
	case reflect.Struct:
		s = object(t)
	default:
		panic("schema: no schema for " + t.String())
	}
	if nullable || t.Kind() == reflect.Slice || t.Kind() == reflect.Struct {
		// An empty key (study_plan: with nothing under it) reads as null: allowed.
		if ty, ok := s["type"].(string); ok {
			s["type"] = []string{ty, "null"}
		}
	}
	return s
}

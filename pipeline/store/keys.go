package store

import (
	"reflect"

	"github.com/gxu-fl/bangfu/pipeline"
)

// knownKeys are every key of the format, to recognise "name：" typed with a full-width colon.
var knownKeys = func() map[string]bool {
	keys := map[string]bool{}
	var visit func(t reflect.Type)
	seen := map[reflect.Type]bool{}
	visit = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice || t.Kind() == reflect.Map {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] || reflect.PointerTo(t).Implements(scalarType) {
			return
		}
		seen[t] = true
		for _, f := range fieldsOf(t).list {
			keys[f.key] = true
			visit(t.Field(f.index).Type)
		}
	}
	for _, v := range []any{pipeline.Case{}, pipeline.Meeting{}, pipeline.Survey{}, pipeline.Config{}} {
		visit(reflect.TypeOf(v))
	}
	return keys
}()

package store

import (
	"reflect"
	"strconv"
	"sync"
)

// field is one key of a record type, from its struct tags.
type field struct {
	key      string
	index    int
	required bool
	// min and max bound a number (from the min and max tags), when set.
	min, max *float64
}

type fieldSet struct {
	list  []field
	byKey map[string]field
	keys  []string
}

var fieldCache sync.Map // reflect.Type → *fieldSet

// fieldsOf reads the yaml keys of a domain struct once per type.
func fieldsOf(t reflect.Type) *fieldSet {
	if fs, ok := fieldCache.Load(t); ok {
		return fs.(*fieldSet)
	}
	fs := &fieldSet{byKey: map[string]field{}}
	for i := 0; i < t.NumField(); i++ {
		sf := t.Field(i)
		key := sf.Tag.Get("yaml")
		if key == "" || key == "-" || !sf.IsExported() {
			continue
		}
		f := field{key: key, index: i, required: sf.Tag.Get("required") == "true",
			min: tagFloat(sf.Tag.Get("min")), max: tagFloat(sf.Tag.Get("max"))}
		fs.list = append(fs.list, f)
		fs.byKey[key] = f
		fs.keys = append(fs.keys, key)
	}
	fieldCache.Store(t, fs)
	return fs
}

func tagFloat(s string) *float64 {
	if s == "" {
		return nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil {
		panic("store: bad min/max tag " + s)
	}
	return &f
}

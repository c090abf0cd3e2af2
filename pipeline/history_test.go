package pipeline

import (
	"reflect"
	"testing"
)

func TestDiffFields(t *testing.T) {
	tests := []struct {
		name     string
		old, new map[string]string
		want     []FieldChange
	}{
		{"changed", map[string]string{"warning.level": "学业警示"}, map[string]string{"warning.level": "跟班试读"},
			[]FieldChange{{Field: "warning.level", Kind: "changed", Old: "学业警示", New: "跟班试读"}}},
		{"item added whole", map[string]string{"interviews": ""}, map[string]string{"interviews[0].by": "王芳", "interviews[0].date": "2025-09-25"},
			[]FieldChange{{Field: "interviews[0]", Kind: "added"}}},
		{"item removed whole", map[string]string{"interviews[0].by": "王芳", "interviews[1].by": "刘洋"}, map[string]string{"interviews[0].by": "王芳"},
			[]FieldChange{{Field: "interviews[1]", Kind: "removed"}}},
		{"field inside an item", map[string]string{"interviews[0].by": "王芳"}, map[string]string{"interviews[0].by": "王芳", "interviews[0].place": "302"},
			[]FieldChange{{Field: "interviews[0].place", Kind: "added", New: "302"}}},
		{"long text not quoted", map[string]string{"study_plan.plan": "a\nb"}, map[string]string{"study_plan.plan": "a\nc"},
			[]FieldChange{{Field: "study_plan.plan", Kind: "changed"}}},
		{"bank masked", map[string]string{"peer_support.mentor.bank_account": ""}, map[string]string{"peer_support.mentor.bank_account": "6217850000000000005"},
			[]FieldChange{{Field: "peer_support.mentor.bank_account", Kind: "changed", Old: "", New: "***************0005"}}},
		{"nothing", map[string]string{"a": "1"}, map[string]string{"a": "1"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := DiffFields(tt.old, tt.new); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
		})
	}
}

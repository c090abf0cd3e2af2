package build

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestSafeName(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"chinese", "张晓明", "张晓明"},
		{"traversal", "../../x", "_.._x"},
		{"separators", `a/b\c`, "a_b_c"},
		{"reserved chars", `a:b*c?"d<e>f|g`, "a_b_c__d_e_f_g"},
		{"dots only", "..", "_"},
		{"empty", "", "_"},
		{"trailing dot and space", "name. ", "name"},
		{"reserved device", "CON", "_CON"},
		{"reserved with ext", "nul.txt", "_nul.txt"},
		{"control", "a\x00b\nc", "abc"},
		{"long", strings.Repeat("张", 100), strings.Repeat("张", 40)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := SafeName(tt.in)
			if got != tt.want {
				t.Errorf("SafeName(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if filepath.Base(got) != got || got == "." || got == ".." {
				t.Errorf("%q is not one path element", got)
			}
		})
	}
}

func FuzzSafeName(f *testing.F) {
	for _, s := range []string{"../../x", "CON", "a/b", "张三", ". .", "\x00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := SafeName(s)
		if got == "" || got == "." || got == ".." || strings.ContainsAny(got, `/\:*?"<>|`) || filepath.Base(got) != got || len(got) > 120 {
			t.Fatalf("SafeName(%q) = %q", s, got)
		}
	})
}

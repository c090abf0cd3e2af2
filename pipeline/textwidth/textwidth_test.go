package textwidth

import "testing"

func TestOf(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"", 0}, {"abc", 3}, {"张三", 4}, {"英语2501", 8}, {"（３）", 6}, {"第一行\nlonger line", 11}, {"☑", 1},
	}
	for _, tt := range tests {
		if got := Of(tt.in); got != tt.want {
			t.Errorf("Of(%q) = %d, want %d", tt.in, got, tt.want)
		}
	}
	if got := Pad("张三", 6); got != "张三  " {
		t.Errorf("Pad = %q", got)
	}
}

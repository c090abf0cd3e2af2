package pipeline

import "testing"

func TestSensitiveNumber(t *testing.T) {
	tests := []struct {
		name, line, kind string
	}{
		{"bank grouped", `mentor: {name: 李雷, bank_account: "6217 8500 0000 0000 005"}`, "bank"},
		{"bank plain", "账号 6217850000000000005", "bank"},
		{"resident id", "身份证 11010519491231002X", "id"},
		{"student id is not", `id: "2023010101"`, ""},
		{"phone is not", `phone: "13800138000"`, ""},
		{"bank failing luhn is not", "6217850000000000006", ""},
		{"id with a wrong check is not", "110105194912310021", ""},
		{"a date is not", "date: 2025-09-25 15:00", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			kind, found := SensitiveNumber(tt.line)
			if kind != tt.kind || found != (tt.kind != "") {
				t.Errorf("SensitiveNumber(%q) = %q %v, want %q", tt.line, kind, found, tt.kind)
			}
		})
	}
}

package pipeline

import "regexp"

// A bank card or a resident ID number is sensitive personal information (PIPL art. 28);
// git keeps every value in every clone forever, so records/ must not hold them plainly.

var (
	digitRun   = regexp.MustCompile(`\d[\d -]{10,30}\d`)
	residentID = regexp.MustCompile(`\b\d{17}[\dXx]\b`)
)

// SensitiveNumber finds a plain bank card number (12-19 digits, spaces or hyphens
// allowed, passing Luhn) or a resident ID number (18 characters with its check digit)
// in a line of text, and says which kind: "bank" or "id".
func SensitiveNumber(line string) (kind string, found bool) {
	for _, m := range residentID.FindAllString(line, -1) {
		if residentIDValid(m) {
			return "id", true
		}
	}
	for _, m := range digitRun.FindAllString(line, -1) {
		d := make([]byte, 0, len(m))
		for i := 0; i < len(m); i++ {
			if m[i] >= '0' && m[i] <= '9' {
				d = append(d, m[i])
			}
		}
		if len(d) >= 12 && len(d) <= 19 && LuhnValid(string(d)) {
			return "bank", true
		}
	}
	return "", false
}

// residentIDValid checks the GB 11643 check character of an 18-character ID number.
func residentIDValid(s string) bool {
	weights := []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2}
	sum := 0
	for i := 0; i < 17; i++ {
		sum += int(s[i]-'0') * weights[i]
	}
	check := "10X98765432"[sum%11]
	last := s[17]
	if last == 'x' {
		last = 'X'
	}
	return last == check
}

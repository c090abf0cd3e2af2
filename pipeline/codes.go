package pipeline

// The codes of every finding. Each has a Chinese and an English text in package i18n;
// a test there fails when one is missing.
const (
	// Reading a file.
	CodeUnreadable      Code = "unreadable"
	CodeNotUTF8         Code = "not_utf8"
	CodeTooLarge        Code = "too_large"
	CodeEmptyFile       Code = "empty_file"
	CodeYAMLSyntax      Code = "yaml_syntax"
	CodeConflictMarker  Code = "conflict_marker"
	CodeFullWidthColon  Code = "fullwidth_colon"
	CodeTabIndent       Code = "tab_indent"
	CodeSecondDocument  Code = "second_document"
	CodeAlias           Code = "alias"
	CodeDuplicateKey    Code = "duplicate_key"
	CodeUnknownKey      Code = "unknown_key"
	CodeWantMapping     Code = "want_mapping"
	CodeWantList        Code = "want_list"
	CodeWantScalar      Code = "want_scalar"
	CodeCutByComment    Code = "cut_by_comment"
	CodeMissingRequired Code = "missing_required"
	CodeEmptyRequired   Code = "empty_required"
	CodeBadNumber       Code = "bad_number"
	CodeBadInteger      Code = "bad_integer"
	CodeOutOfRange      Code = "out_of_range"
	CodeBadEnum         Code = "bad_enum"
	CodeBadDate         Code = "bad_date"
	CodeBadDateTime     Code = "bad_datetime"
	CodeBadSemester     Code = "bad_semester"
	CodeBadScore        Code = "bad_score"
	CodeBadPhone        Code = "bad_phone"
	CodeBadBank         Code = "bad_bank"
	CodeBankLuhn        Code = "bank_luhn"
	CodeInvisibleChar   Code = "invisible_char"
	CodeSpaceInID       Code = "space_in_id"
	CodeMisplacedFile   Code = "misplaced_file"
	CodeBadFolder       Code = "bad_folder"
	CodeNoConfig        Code = "no_config"

	// Hints that explain a YAML syntax error in a person's terms.
	HintColonInValue Code = "hint_colon_in_value"
	HintIndent       Code = "hint_indent"
	HintMissingColon Code = "hint_missing_colon"
	HintQuote        Code = "hint_quote"
	HintToken        Code = "hint_token"
	HintDepth        Code = "hint_depth"
	HintAlias        Code = "hint_alias"
	HintOther        Code = "hint_other"

	// What a YAML node is, in messages about the wrong type.
	KindMapping Code = "kind_mapping"
	KindList    Code = "kind_list"
	KindScalar  Code = "kind_scalar"

	// Why a student is escalated.
	EscalationConsecutive Code = "escalation_consecutive"
	EscalationTotal       Code = "escalation_total"

	// Rules across fields and files.
	CodeUnknownClass       Code = "unknown_class"
	CodeSemesterMismatch   Code = "semester_mismatch"
	CodeIDFileMismatch     Code = "id_file_mismatch"
	CodeClassFileMismatch  Code = "class_file_mismatch"
	CodeIDPattern          Code = "id_pattern"
	CodeBadIDPattern       Code = "bad_id_pattern"
	CodeDuplicateCase      Code = "duplicate_case"
	CodeBasisRequired      Code = "basis_required"
	CodeMeetingNoCase      Code = "meeting_no_case"
	CodeMeetingWrongLevel  Code = "meeting_wrong_level"
	CodeMeetingDuplicateID Code = "meeting_duplicate_id"
	CodeRetakeUnknown      Code = "retake_unknown_course"
	CodeUnknownAdvisor     Code = "unknown_advisor"

	// To-dos (待办): the seed's steps not yet done.
	TodoConfirm       Code = "todo_confirm"
	TodoParentContact Code = "todo_parent_contact"
	TodoInterview     Code = "todo_interview"
	TodoDifficulty    Code = "todo_difficulty"
	TodoPlan          Code = "todo_plan"
	TodoRetake        Code = "todo_retake"
	TodoReview        Code = "todo_review"
	TodoAdvisor       Code = "todo_advisor"
	TodoEvaluation    Code = "todo_evaluation"
	TodoSurveyConcern Code = "todo_survey_concern"
	TodoEscalation    Code = "todo_escalation"
)

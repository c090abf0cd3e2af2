package pipeline

// Case is one student's warning-and-assistance case in one semester:
// records/SEMESTER/students/ID.yaml.
type Case struct {
	Semester       Semester        `yaml:"semester" required:"true" title:"学期" desc:"学年-学期，如 2025-2026-1，须与所在文件夹一致"`
	Student        Student         `yaml:"student" required:"true" title:"学生" desc:"学生基本信息"`
	Warning        Warning         `yaml:"warning" required:"true" title:"学业警示" desc:"四(二)1：纳入帮扶名单的原因"`
	Difficulty     []Difficulty    `yaml:"difficulty" title:"学习困难类型" desc:"四(二)3(1)：可多选"`
	ParentContacts []ParentContact `yaml:"parent_contacts" title:"家长联系记录" desc:"四(二)2(2)：每次与家长谈话都应有记录"`
	Interviews     []Interview     `yaml:"interviews" title:"谈话记录" desc:"附件3：每条生成一份谈话记录表"`
	StudyPlan      *StudyPlan      `yaml:"study_plan" title:"学习计划" desc:"附件4：预警学生学习计划表"`
	PeerSupport    *PeerSupport    `yaml:"peer_support" title:"朋辈帮扶" desc:"附件2：朋辈帮扶申请表"`
	Evaluation     *Evaluation     `yaml:"evaluation" title:"学期评估" desc:"四(二)3(4)：下学期初评估帮扶成效"`

	// Source is where the case was read from, with the position of every field.
	Source Source `yaml:"-"`
}

// Student is who the case is about; major, grade and staff come from the roster.
type Student struct {
	ID      StudentID `yaml:"id" required:"true" title:"学号" desc:"学号，写成文本（加引号）以保留前导零"`
	Name    string    `yaml:"name" title:"姓名"`
	Gender  Gender    `yaml:"gender" title:"性别"`
	Class   string    `yaml:"class" title:"班级" desc:"须是 bangfu.yaml 名册中的班级"`
	Phone   Phone     `yaml:"phone" title:"电话" desc:"选填；11 位手机号"`
	Advisor string    `yaml:"advisor" title:"导师" desc:"选填；大三及以上学生的学习计划由导师审核"`
}

// Warning is why the student is on the list (四(二)1) and when they confirmed it (四(二)2(1)).
type Warning struct {
	Level         Level          `yaml:"level" required:"true" title:"警示类别" desc:"学业警示（预警）、跟班试读或退学试读"`
	Source        ListSource     `yaml:"source" title:"名单来源" desc:"教务处，或班主任/辅导员补充"`
	Basis         string         `yaml:"basis" title:"补充依据" desc:"名单来源不是教务处时必填：考勤、学习态度等"`
	GPA           *float64       `yaml:"gpa" title:"平均学分绩点" min:"0" max:"5"`
	Rank          string         `yaml:"rank" title:"成绩排名" desc:"如 85/120"`
	FailedCourses []FailedCourse `yaml:"failed_courses" title:"不及格课程"`
	ConfirmedOn   Date           `yaml:"confirmed_on" title:"学生确认日期" desc:"四(二)2(1)：学生在教务系统确认学业警示通知的日期"`
}

// FailedCourse is one course the student failed; each needs a retake plan in 附件4.
type FailedCourse struct {
	Name    string   `yaml:"name" required:"true" title:"课程名称"`
	Credits *float64 `yaml:"credits" title:"学分" min:"0" max:"30"`
	Score   Score    `yaml:"score" title:"成绩" desc:"0-100 的分数，或 缺考、不及格、违纪、取消资格"`
}

// ParentContact is one talk with a parent (四(二)2(2)).
type ParentContact struct {
	Date    Date          `yaml:"date" required:"true" title:"日期"`
	By      string        `yaml:"by" required:"true" title:"联系人" desc:"学业警示由辅导员联系，试读由班主任联系"`
	Method  ContactMethod `yaml:"method" title:"方式"`
	Summary string        `yaml:"summary" title:"谈话摘要"`
}

// Interview is one talk with the student, rendered as a 附件3 谈话记录表.
type Interview struct {
	Date        DateTime    `yaml:"date" required:"true" title:"谈话时间" desc:"YYYY-MM-DD HH:MM"`
	By          string      `yaml:"by" required:"true" title:"谈话人" desc:"角色（班主任、辅导员、导师）由名册确定"`
	InitiatedBy InitiatedBy `yaml:"initiated_by" title:"约谈方式"`
	Method      Method      `yaml:"method" title:"谈话方式"`
	Topics      []Topic     `yaml:"topics" title:"谈话主题" desc:"可多选；其他主题写成 其他：内容"`
	Place       string      `yaml:"place" title:"谈话地点"`
	Impression  string      `yaml:"impression" title:"初步印象"`
	Content     string      `yaml:"content" title:"谈话主要内容"`
	Measures    string      `yaml:"measures" title:"措施及效果"`
}

// StudyPlan is the student's own plan for the semester, rendered as 附件4.
type StudyPlan struct {
	Plan            string   `yaml:"plan" title:"学习计划" desc:"含考核未通过的每一门课程的重修计划，须具体"`
	Retakes         []Retake `yaml:"retakes" title:"重修计划" desc:"每门不及格课程一条"`
	StudentSignedOn Date     `yaml:"student_signed_on" title:"学生签名日期"`
	Reviews         []Review `yaml:"reviews" title:"帮扶教师意见" desc:"大一大二由班主任审核，大三及以上由导师审核；试读另需辅导员"`
}

// Retake is the plan for one failed course.
type Retake struct {
	Course string `yaml:"course" required:"true" title:"课程名称" desc:"与 warning.failed_courses 中的名称一致"`
	Plan   string `yaml:"plan" required:"true" title:"重修计划"`
}

// Review is one helping teacher's opinion on the study plan.
type Review struct {
	By      string `yaml:"by" required:"true" title:"帮扶教师"`
	Opinion string `yaml:"opinion" title:"意见"`
	Date    Date   `yaml:"date" title:"日期"`
}

// PeerSupport is a pairing with an excellent student, rendered as 附件2.
type PeerSupport struct {
	Mentor         Mentor  `yaml:"mentor" required:"true" title:"帮扶人"`
	Mentees        *int    `yaml:"mentees" title:"被帮扶人数" min:"1" max:"50"`
	Reasons        string  `yaml:"reasons" title:"学业困难原因"`
	Plan           string  `yaml:"plan" title:"帮扶计划"`
	ClassOpinion   Opinion `yaml:"class_opinion" title:"班级评议意见"`
	CollegeOpinion Opinion `yaml:"college_opinion" title:"院系审核意见"`
	SchoolOpinion  Opinion `yaml:"school_opinion" title:"学校审核意见"`
}

// Mentor is the helping student; the bank account may live in private/accounts.yaml instead.
type Mentor struct {
	Name        string      `yaml:"name" required:"true" title:"帮扶人姓名"`
	ID          StudentID   `yaml:"id" title:"帮扶人学号"`
	Major       string      `yaml:"major" title:"帮扶人专业"`
	BankAccount BankAccount `yaml:"bank_account" title:"中国银行账号" desc:"敏感信息：可不写在这里，改写在不入库的 private/accounts.yaml"`
}

// Opinion is one signed opinion box of 附件2.
type Opinion struct {
	Text string `yaml:"text" title:"意见"`
	By   string `yaml:"by" title:"签名"`
	Date Date   `yaml:"date" title:"日期"`
}

// Evaluation is the start-of-next-term assessment of the case (四(二)3(4)).
type Evaluation struct {
	Date           Date           `yaml:"date" title:"评估日期"`
	Progress       Progress       `yaml:"progress" required:"true" title:"学习成效"`
	Recommendation Recommendation `yaml:"recommendation" title:"处理意见"`
	Note           string         `yaml:"note" title:"备注"`
}

package pipeline

// Meeting is one 集体谈话 座谈会 (四(二)3(1)), rendered as 附件1:
// records/SEMESTER/meetings/*.yaml.
type Meeting struct {
	Semester Semester    `yaml:"semester" required:"true" title:"学期"`
	Category Level       `yaml:"category" required:"true" title:"预警类别"`
	Date     DateTime    `yaml:"date" title:"座谈会时间"`
	Place    string      `yaml:"place" title:"座谈会地点"`
	Teachers []string    `yaml:"teachers" title:"参与教师"`
	Students []StudentID `yaml:"students" title:"参与学生学号" desc:"本学期中该类别的个案学号"`
	Recorder string      `yaml:"recorder" title:"记录员"`
	Minutes  Minutes     `yaml:"minutes" title:"记录正文"`

	Source Source `yaml:"-"`
}

// Minutes are the four numbered parts of 附件1's 记录正文.
type Minutes struct {
	FailureReasons  string `yaml:"failure_reasons" title:"1. 一一了解挂科原因，并归纳总结"`
	StudentSharing  string `yaml:"student_sharing" title:"2. 学生对相关学习科目的学习体会交流"`
	TeacherGuidance string `yaml:"teacher_guidance" title:"3. 教师对相关学习科目的学习指导"`
	LeaderSpeech    string `yaml:"leader_speech" title:"4. 学院相关领导的讲话"`
}

// Survey is one class's mid-term 学情学风 survey (四(一)3): records/SEMESTER/surveys/CLASS.yaml.
type Survey struct {
	Semester       Semester  `yaml:"semester" required:"true" title:"学期"`
	Class          string    `yaml:"class" required:"true" title:"班级"`
	Informant      string    `yaml:"informant" title:"教学信息员"`
	Date           Date      `yaml:"date" title:"采集日期"`
	AttendanceRate *float64  `yaml:"attendance_rate" title:"出勤率" desc:"0 到 1 之间，如 0.93" min:"0" max:"1"`
	Climate        string    `yaml:"climate" title:"学风概况"`
	Concerns       []Concern `yaml:"concerns" title:"需关注学生"`

	Source Source `yaml:"-"`
}

// Concern is a student the informant is worried about.
type Concern struct {
	ID     StudentID `yaml:"id" required:"true" title:"学号"`
	Reason string    `yaml:"reason" title:"原因"`
}

package gen

// The four forms of 学业帮扶实施办法, laid out as its appendices: the same titles, the
// labelled cells in the same order, the notes at the foot. {{tags}} name the values
// package forms fills in; a row whose cell holds {{#list}} repeats once per item.

// Names are the built-in templates' file names, as templates/ holds them.
var Names = []string{"附件1_座谈会记录.docx", "附件2_朋辈帮扶申请表.docx", "附件3_谈话记录表.docx", "附件4_学习计划表.docx"}

func t(s string) run                { return run{text: s} }
func b(s string) run                { return run{text: s, bold: true} }
func pl(runs ...run) para           { return para{runs: runs} }
func pc(runs ...run) para           { return para{runs: runs, align: "center"} }
func pr(runs ...run) para           { return para{runs: runs, align: "right"} }
func label(s string) cell           { return cell{paras: []para{pc(t(s))}} }
func value(s string, span int) cell { return cell{paras: []para{pl(t(s))}, span: span} }
func tall(h int, cells ...cell) row { return row{cells: cells, height: h} }
func line(cells ...cell) row        { return row{cells: cells, height: 520} }

func title(s string) para {
	return para{runs: []run{{text: s, bold: true, size: 36}}, align: "center", before: 120, after: 240}
}

func appendix(s string) para { return para{runs: []run{{text: s, size: 21}}, align: "left"} }

// Build returns each built-in template's bytes, by file name.
func Build() map[string][]byte {
	return map[string][]byte{
		Names[0]: meeting(),
		Names[1]: peer(),
		Names[2]: interview(),
		Names[3]: plan(),
	}
}

// 附件1：学期学业预警学生帮扶座谈会记录（学院组织）
func meeting() []byte {
	d := &doc{}
	d.p(appendix("附件1"))
	d.p(title("{{semester_title}}学业预警学生帮扶座谈会记录"))
	w := textWidth
	d.table(table{cols: []int{2400, w - 2400}, rows: []row{
		line(label("预警类别及学生人数"), value("{{category_count}}", 1)),
		line(label("参与座谈会的教师与学生"), value("{{participants}}", 1)),
		line(label("座谈会时间与地点"), value("{{time_place}}", 1)),
		tall(7600, cell{span: 2, valign: "top", paras: []para{
			pc(b("记录正文")),
			pl(b("1. 一一了解挂科原因，并归纳总结")), pl(t("{{minutes.failure_reasons}}")),
			pl(b("2. 学生对相关学习科目的学习体会交流")), pl(t("{{minutes.student_sharing}}")),
			pl(b("3. 教师对相关学习科目的学习指导")), pl(t("{{minutes.teacher_guidance}}")),
			pl(b("4. 学院相关领导的讲话")), pl(t("{{minutes.leader_speech}}")),
		}}),
		line(cell{span: 2, paras: []para{pr(t("记录员：{{recorder}}　　　　{{record_date}}"))}}),
	}})
	d.p(para{runs: []run{t("注：")}, before: 120})
	d.p(para{runs: []run{t("预警类别包括：退学试读、跟班试读、学业警示。请附上相关的学生信息。")}, indent: 480})
	d.p(para{runs: []run{b("附：参加座谈会的学生名单（{{semester_title}}，{{category_count}}）")}, after: 120, pageBreak: true})
	d.table(table{cols: []int{800, 1700, 1300, 1500, 1300, w - 6600}, rows: []row{
		{cells: []cell{label("序号"), label("学号"), label("姓名"), label("班级"), label("警示类别"), label("不及格课程")}, height: 520, header: true},
		line(value("{{#students}}{{students.no}}", 1), value("{{students.id}}", 1), value("{{students.name}}", 1),
			value("{{students.class}}", 1), value("{{students.level}}", 1), value("{{students.failed}}", 1)),
	}})
	return d.docx("学期学业预警学生帮扶座谈会记录")
}

// 附件2：朋辈帮扶申请表（网络）
func peer() []byte {
	d := &doc{}
	d.p(appendix("附件2"))
	d.p(title("{{university}}朋辈帮扶申请表"))
	c := []int{1500, 1700, 1300, 1700, 900, textWidth - 7100}
	d.table(table{cols: c, rows: []row{
		line(label("帮扶人姓名"), value("{{mentor.name}}", 1), label("学院"), value("{{college}}", 1), label("学号"), value("{{mentor.id}}", 1)),
		line(label("中国银行账号"), value("{{mentor.bank_account}}", 3), label("专业"), value("{{mentor.major}}", 1)),
		line(label("被帮扶人姓名"), value("{{student.name}}", 1), label("被帮扶人数"), value("{{mentees}}", 3)),
		tall(2000, label("学业困难原因"), cell{span: 5, valign: "top", paras: []para{pl(t("{{reasons}}"))}}),
		tall(2400, label("帮扶计划"), cell{span: 5, valign: "top", paras: []para{pl(t("{{plan}}"))}}),
		tall(1800, cell{span: 6, valign: "top", paras: []para{
			pl(t("班级评议意见：")), pl(t("{{class_opinion.text}}")),
			pr(t("班主任：{{class_opinion.by}}")), pr(t("{{class_opinion.date}}")),
		}}),
		tall(1900, cell{span: 6, valign: "top", paras: []para{
			pl(t("院系审核意见：")), pl(t("{{college_opinion.text}}")),
			pr(t("评审小组负责人签章：{{college_opinion.by}}")), pr(t("学院公章　　　　{{college_opinion.date}}")),
		}}),
		tall(1700, cell{span: 6, valign: "top", paras: []para{
			pl(t("学校审核意见：")), pl(t("{{school_opinion.text}}")),
			pr(t("（学校公章）　　　　{{school_opinion.date}}")),
		}}),
	}})
	return d.docx("朋辈帮扶申请表")
}

// 附件3：谈话记录表
func interview() []byte {
	d := &doc{}
	d.p(appendix("附件3"))
	d.p(title("{{college}}谈话记录表"))
	c := []int{1400, 3700, 1300, textWidth - 6400}
	d.table(table{cols: c, rows: []row{
		line(label("谈话对象"), value("姓名：{{student.name}}　性别：{{student.gender}}　班级：{{student.class}}　电话：{{student.phone}}", 3)),
		line(label("谈话人"), value("姓名：{{interview.by}}", 3)),
		line(label("约谈方式"), value("{{interview.initiated_by}}", 1), label("约谈次数"), value("第 {{interview.no}} 次", 1)),
		line(label("谈话方式"), value("{{interview.method}}", 3)),
		line(label("谈话主题"), value("{{interview.topics}}", 3)),
		line(label("谈话时间"), value("{{interview.time}}", 1), label("谈话地点"), value("{{interview.place}}", 1)),
		tall(2200, label("初步印象"), cell{span: 3, valign: "top", paras: []para{pl(t("{{interview.impression}}"))}}),
		tall(3800, label("谈话主要内容"), cell{span: 3, valign: "top", paras: []para{pl(t("{{interview.content}}"))}}),
		tall(2000, label("措施及效果"), cell{span: 3, valign: "top", paras: []para{pl(t("{{interview.measures}}"))}}),
		tall(800, label("谈话人签名"), value("", 3)),
	}})
	return d.docx("谈话记录表")
}

// 附件4：预警学生学习计划表
func plan() []byte {
	d := &doc{}
	d.p(appendix("附件4"))
	d.p(title("{{college}}预警学生学习计划表"))
	c := []int{2300, 2000, 1300, textWidth - 5600}
	d.table(table{cols: c, rows: []row{
		line(label("姓名"), value("{{student.name}}", 1), label("年级"), value("{{student.grade}}", 1)),
		line(label("专业班级"), value("{{student.major_class}}", 1), label("学号"), value("{{student.id}}", 1)),
		line(label("学业预警等级"), value("{{warning.level}}", 3)),
		tall(3000, cell{span: 4, valign: "top", paras: []para{
			pl(t("学习计划（含考核未通过的每一门课程的重修计划，须具体）：")),
			pl(t("{{plan.text}}")),
		}}),
		line(label("不及格课程"), label("学分与成绩"), cell{span: 2, paras: []para{pc(t("重修计划"))}}),
		line(value("{{#retakes}}{{retakes.course}}", 1), value("{{retakes.result}}", 1), value("{{retakes.plan}}", 2)),
		line(cell{span: 4, paras: []para{pr(t("学生签名：　　　　　　　　{{plan.signed_date}}"))}}),
		tall(2200, cell{span: 4, valign: "top", paras: []para{
			pl(t("帮扶教师意见：")), pl(t("{{plan.reviews}}")),
		}}),
		line(cell{span: 4, paras: []para{pr(t("帮扶教师签名：　　　　　　　　{{plan.review_date}}"))}}),
	}})
	d.p(para{runs: []run{t("注：")}, before: 120})
	d.p(pl(t("1．帮扶教师：学业预警由班主任完成；试读预警，由班主任和辅导员共同完成。")))
	d.p(pl(t("2．学生可附上更详细的自我分析和计划。")))
	return d.docx("预警学生学习计划表")
}

module github.com/gxu-fl/bangfu

go 1.26.8

require (
	go.yaml.in/yaml/v3 v3.0.6
	golang.org/x/tools v0.53.0
)

require github.com/nguyenthenguyen/docx v0.0.0-20230621112118-9c8e795a11db

require golang.org/x/sys v0.50.0 // indirect

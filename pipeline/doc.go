// Package pipeline is the domain of bangfu: the records staff keep (Case,
// Meeting, Survey, Config) and the rules of 学业帮扶实施办法 that judge them
// (errors and 待办). It uses the standard library only; every adapter
// (YAML, Word, Excel, git, fsnotify, zip) lives in a package of its own.
package pipeline

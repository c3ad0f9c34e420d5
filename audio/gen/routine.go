package main

import (
	"steady/audio"
	"steady/program"
)

// builtinPhrases returns what the generator records: the fixed phrases and
// every exercise name and step cue of the built-in routine.
func builtinPhrases() []string {
	var exercises []program.Exercise // the built-in routine is not in the program package yet
	var words []string
	for _, e := range exercises {
		words = append(words, e.Name)
		for _, s := range e.Steps {
			words = append(words, s.Cue)
		}
	}
	return audio.Phrases(words...)
}

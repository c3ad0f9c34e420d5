package main

import (
	"steady/audio"
	"steady/program"
)

// builtinPhrases returns what the generator records: the fixed phrases and
// every exercise name and step cue of the built-in routine.
func builtinPhrases() []string {
	var words []string
	for _, e := range program.Builtin().Exercises {
		words = append(words, e.Name)
		for _, s := range e.Steps {
			words = append(words, s.Cue)
		}
	}
	return audio.Phrases(words...)
}

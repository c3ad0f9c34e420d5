package main

import (
	"steady/audio"
	"steady/program"
)

// builtinPhrases returns what the generator records in language lang: the
// fixed phrases and every exercise name and step cue of the built-in
// routine in that language, each with the English it says.
func builtinPhrases(lang string) []audio.Phrase {
	en := program.Builtin()
	local := en.In(lang)
	var words []audio.Phrase
	say := func(text, english string) {
		p := audio.Phrase{Text: text}
		if lang != audio.English {
			p.English = []string{english}
		}
		words = append(words, p)
	}
	for i, e := range local.Exercises {
		say(e.Name, en.Exercises[i].Name)
		for j, s := range e.Steps {
			say(s.Cue, en.Exercises[i].Steps[j].Cue)
		}
	}
	return audio.Phrases(lang, words...)
}

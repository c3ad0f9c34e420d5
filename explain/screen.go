package explain

import "steady/program"

// The safety screening in the user's language (CLINICAL.md §4). The rules
// and their English wording live in program; these give the same texts
// translated, keyed by question ID and tier. TestScreeningTranslated keeps
// the English here equal to program's.

// Question is a red-flag question's text in the user's language. A
// question this package does not know reads as program words it.
func Question(q program.Question) string {
	w := current()
	switch q.ID {
	case "bladder":
		return w.L("Do you have new or worsening trouble passing urine, leaking urine without meaning to, or not feeling when your bladder is full?")
	case "bowel":
		return w.L("Do you have new or worsening trouble controlling your bowels?")
	case "saddle-numbness":
		return w.L("Do you have new or worsening numbness or tingling between your legs, around your genitals or back passage (the area that would touch a saddle)?")
	case "both-legs-pain":
		return w.L("Do you have new or worsening pain shooting down both legs?")
	case "both-legs-weak":
		return w.L("Are both legs newly or increasingly weak, or do you newly have trouble walking?")
	case "sexual":
		return w.L("Have you noticed new changes in sexual function, such as loss of sensation?")
	case "leg-weakness":
		return w.L("Is one leg badly weak or getting weaker, for example your foot drops or slaps, or your toes catch when you walk?")
	case "cancer":
		return w.L("Have you ever had cancer?")
	case "weight-loss":
		return w.L("Have you lost weight recently without trying?")
	case "fever":
		return w.L("Do you have a fever, or chills and sweats, along with the back pain?")
	case "immune":
		return w.L("Is your immune system weakened, for example by medication, chemotherapy or HIV?")
	case "iv-drugs":
		return w.L("Have you ever injected drugs?")
	case "infection":
		return w.L("Have you had an infection recently, for example of the urine or the skin?")
	case "trauma":
		return w.L("Did the pain start after a hard fall or accident, or after a minor one while you have weak bones (osteoporosis) or take steroid tablets long-term?")
	case "night-pain":
		return w.L("Is the pain there all the time, even at night when you lie still?")
	case "age":
		return w.L("Is this back pain new, and are you under 20 or over 50?")
	case "no-improvement":
		return w.L("Have you had this pain for about a month or more without it getting any better?")
	}
	return q.Text
}

// Guidance is what a screening's tier asks the user to do, in the user's
// language: program.Referral.Guidance, translated.
func Guidance(t program.Tier) string {
	w := current()
	switch t {
	case program.EmergencyNow:
		return w.L("Please get help now: go to an emergency department, or call emergency services. What you ticked needs a doctor to check it straight away — it is not something to wait on or exercise through. Steady will not suggest exercises until you tell it a clinician has seen you.")
	case program.SameDay:
		return w.L("Please see a doctor today: ask your practice for a same-day appointment, or go to an urgent care or out-of-hours service. A leg that is badly weak or getting weaker should be checked promptly. Steady pauses the exercises until you tell it a clinician has seen you.")
	case program.SeeDoctorSoon:
		return w.L("Please book an appointment with your doctor soon and tell them what you ticked. Most back pain is not caused by anything serious; this is a precaution, so that a clinician looks at your back before you train it. Steady pauses the exercises until you tell it a clinician has cleared you.")
	}
	return w.L("None of your answers calls for a clinician before you start. If anything changes — new numbness or weakness, or changes in bladder or bowel control — answer these questions again.")
}

// ScreeningSources names where the questions come from
// (program.ScreeningSources), in the user's language.
func ScreeningSources() string {
	return current().L("These questions follow NICE guideline NG59, NICE CKS on low back pain and BMJ Best Practice on cauda equina syndrome. Guidelines differ on which warning signs they list (Verhagen et al. 2016), so these are a careful selection, not a diagnosis.")
}

package locale

import (
	"strconv"
	"strings"
	"time"
)

// The formats follow the language, with the region's differences: en_US
// writes "Jan 2, 2006" and "3:04 PM" and starts the week on Sunday; en_GB,
// de, es and fr write the day first, use a 24-hour clock and start the week
// on Monday, and so does English without a region (the formats Steady was
// written with); de, es and fr write a decimal comma except where the region
// writes a point (de_CH, es_MX, es_US...). The month and weekday names are
// messages in the format catalogs (format.<lang>.json).

// Hour12 reports whether the region reads a 12-hour clock: English in the
// United States, Canada, Australia, New Zealand, the Philippines and India,
func (l Locale) Hour12() bool {
	if l.Lang() != "en" {
		return false
	}
	switch l.region {
	case "US", "CA", "AU", "NZ", "PH", "IN":
		return true
	}
	return false
}

// monthFirst reports whether dates put the month before the day.
func (l Locale) monthFirst() bool {
	return l.Lang() == "en" && (l.region == "US" || l.region == "PH")
}

// FirstWeekday is the day the region's weeks start on: Sunday in the
// Americas' Sunday-first regions and a few others (United States, Canada,
// Mexico, Brazil, Japan, Israel, the Philippines, India...), else Monday.
func (l Locale) FirstWeekday() time.Weekday {
	switch l.region {
	case "US", "CA", "MX", "BR", "JP", "IL", "PH", "IN", "GT", "HN", "PA", "PE", "SV", "VE", "DO", "PR":
		return time.Sunday
	}
	return time.Monday
}

// decimalComma reports whether the region writes 3,5 rather than 3.5.
func (l Locale) decimalComma() bool {
	if l.Lang() == "en" {
		return false
	}
	switch l.region {
	case "CH", "LI", "MX", "US", "GT", "HN", "NI", "PA", "PR", "DO", "SV", "PE":
		return false
	}
	return true
}

// Fixed writes x with exactly decimals decimals: "3.5", "3,5", "3,0".
func (l Locale) Fixed(x float64, decimals int) string {
	s := strconv.FormatFloat(x, 'f', decimals, 64)
	if s == "-"+strconv.FormatFloat(0, 'f', decimals, 64) {
		s = s[1:] // no "-0.0"
	}
	if l.decimalComma() {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

// Number writes x rounded to at most decimals decimals, without trailing
// zeros: "3", "3.5", "3,5".
func (l Locale) Number(x float64, decimals int) string {
	s := l.Fixed(x, decimals)
	if !strings.ContainsAny(s, ".,") {
		return s
	}
	s = strings.TrimRight(s, "0")
	return strings.TrimRight(strings.TrimRight(s, "."), ",")
}

// Time writes the time of day: "15:04", or "3:04 PM" where the region
// reads a 12-hour clock.
func (l Locale) Time(t time.Time) string {
	if l.Hour12() {
		return t.Format("3:04 PM")
	}
	return t.Format("15:04")
}

// Day writes a day briefly, with its weekday: "Mon 2 Jan", "Mon, Jan 2",
// "Mo. 2. Jan.", "lun 2 ene", "lun. 2 janv.".
func (l Locale) Day(t time.Time) string {
	wd, d, m := l.WeekdayShort(t.Weekday()), l.dayOfMonth(t), l.MonthShort(t.Month())
	switch {
	case l.monthFirst():
		return wd + ", " + m + " " + d
	case l.Lang() == "de":
		return wd + " " + d + ". " + m
	}
	return wd + " " + d + " " + m
}

// ShortDate writes a date with its month abbreviated: "2 Jan 2006",
// "Jan 2, 2006", "2. Jan. 2006", "2 ene 2006", "2 janv. 2006".
func (l Locale) ShortDate(t time.Time) string {
	return l.date(t, l.MonthShort(t.Month()))
}

// LongDate writes a date with its month in full: "2 January 2006",
// "January 2, 2006", "2. Januar 2006", "2 de enero de 2006",
// "2 janvier 2006".
func (l Locale) LongDate(t time.Time) string {
	if l.Lang() == "es" {
		return l.dayOfMonth(t) + " de " + l.Month(t.Month()) + " de " + strconv.Itoa(t.Year())
	}
	return l.date(t, l.Month(t.Month()))
}

func (l Locale) date(t time.Time, month string) string {
	d, y := l.dayOfMonth(t), strconv.Itoa(t.Year())
	switch {
	case l.monthFirst():
		return month + " " + d + ", " + y
	case l.Lang() == "de":
		return d + ". " + month + " " + y
	}
	return d + " " + month + " " + y
}

// dayOfMonth writes the day of the month as a number, the first in French
// as an ordinal: "1er mai", "2 mai".
func (l Locale) dayOfMonth(t time.Time) string {
	if l.Lang() == "fr" && t.Day() == 1 {
		return "1er"
	}
	return strconv.Itoa(t.Day())
}

// DateTime writes a date in full with its time: "2 January 2006, 15:04".
func (l Locale) DateTime(t time.Time) string { return l.LongDate(t) + ", " + l.Time(t) }

// MonthYear writes a month of a year: "January 2006", "Januar 2006",
// "enero de 2006", "janvier 2006".
func (l Locale) MonthYear(t time.Time) string {
	if l.Lang() == "es" {
		return l.Month(t.Month()) + " de " + strconv.Itoa(t.Year())
	}
	return l.Month(t.Month()) + " " + strconv.Itoa(t.Year())
}

// Month is a month's name: "January", "Januar", "enero", "janvier".
func (l Locale) Month(m time.Month) string {
	switch m {
	case time.January:
		return l.L("January")
	case time.February:
		return l.L("February")
	case time.March:
		return l.L("March")
	case time.April:
		return l.L("April")
	case time.May:
		return l.L("May")
	case time.June:
		return l.L("June")
	case time.July:
		return l.L("July")
	case time.August:
		return l.L("August")
	case time.September:
		return l.L("September")
	case time.October:
		return l.L("October")
	case time.November:
		return l.L("November")
	case time.December:
		return l.L("December")
	}
	return m.String()
}

// MonthShort is a month's abbreviation: "Jan", "Jan.", "ene", "janv.".
func (l Locale) MonthShort(m time.Month) string {
	switch m {
	case time.January:
		return l.X("month.short.Jan", "Jan")
	case time.February:
		return l.X("month.short.Feb", "Feb")
	case time.March:
		return l.X("month.short.Mar", "Mar")
	case time.April:
		return l.X("month.short.Apr", "Apr")
	case time.May:
		return l.X("month.short.May", "May")
	case time.June:
		return l.X("month.short.Jun", "Jun")
	case time.July:
		return l.X("month.short.Jul", "Jul")
	case time.August:
		return l.X("month.short.Aug", "Aug")
	case time.September:
		return l.X("month.short.Sep", "Sep")
	case time.October:
		return l.X("month.short.Oct", "Oct")
	case time.November:
		return l.X("month.short.Nov", "Nov")
	case time.December:
		return l.X("month.short.Dec", "Dec")
	}
	return m.String()
}

// Weekday is a weekday's name: "Monday", "Montag", "lunes", "lundi".
func (l Locale) Weekday(d time.Weekday) string {
	switch d {
	case time.Monday:
		return l.L("Monday")
	case time.Tuesday:
		return l.L("Tuesday")
	case time.Wednesday:
		return l.L("Wednesday")
	case time.Thursday:
		return l.L("Thursday")
	case time.Friday:
		return l.L("Friday")
	case time.Saturday:
		return l.L("Saturday")
	case time.Sunday:
		return l.L("Sunday")
	}
	return d.String()
}

// WeekdayShort is a weekday's abbreviation: "Mon", "Mo.", "lun", "lun.".
func (l Locale) WeekdayShort(d time.Weekday) string {
	switch d {
	case time.Monday:
		return l.X("weekday.short.Mon", "Mon")
	case time.Tuesday:
		return l.X("weekday.short.Tue", "Tue")
	case time.Wednesday:
		return l.X("weekday.short.Wed", "Wed")
	case time.Thursday:
		return l.X("weekday.short.Thu", "Thu")
	case time.Friday:
		return l.X("weekday.short.Fri", "Fri")
	case time.Saturday:
		return l.X("weekday.short.Sat", "Sat")
	case time.Sunday:
		return l.X("weekday.short.Sun", "Sun")
	}
	return d.String()
}

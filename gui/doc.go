// Package gui is Steady's window: the navigation shell (Today, Journal,
// Settings, About), the theme, and the screens and custom widgets a person
// sees. It is the only package that knows the Fyne toolkit, and the only one
// that words messages for the user.
package gui

module steady

go 1.24.0

require (
	fyne.io/fyne/v2 v2.7.4 // indirect
	github.com/BurntSushi/toml v1.6.0 // indirect
	github.com/ebitengine/purego v0.4.1 // indirect
	github.com/hajimehoshi/oto/v2 v2.4.3 // indirect
	go.etcd.io/bbolt v1.4.3 // indirect
	golang.org/x/sys v0.30.0 // indirect
)

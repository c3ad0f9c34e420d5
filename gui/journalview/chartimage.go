package journalview

import (
	"fmt"
	"image"
	"image/color"
	"time"

	"fyne.io/fyne/v2/theme"
	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"
)

// lightChartColours are the chart's colours on paper: the light theme's
// foreground and separator, held here because a report is written from the
// command line, where no Fyne app (and so no theme lookup) exists.
func lightChartColours() chartColours {
	return chartColours{
		fg:  color.NRGBA{R: 0x56, G: 0x56, B: 0x56, A: 0xff},
		sep: color.NRGBA{R: 0xe3, G: 0xe3, B: 0xe3, A: 0xff},
		bg:  color.White,
	}
}

// Text sizes of a chart image, in Fyne units, as the default theme has them.
const (
	imageTextSize    = 14
	imageCaptionSize = 11 * 1.1
	imagePadding     = 4
)

// chartImage draws the whole chart — legend, axes, plot — into an image of
// width×height Fyne units at s pixels a unit, without a window: the same
// drawing as the Chart widget, with its text drawn in the theme's font.
func chartImage(c *Chart, width, height, s float32, col chartColours) (image.Image, error) {
	f, err := opentype.Parse(theme.DefaultTextFont().Content())
	if err != nil {
		return nil, fmt.Errorf("chart image: parse font: %w", err)
	}
	face := func(size float32) (font.Face, error) {
		return opentype.NewFace(f, &opentype.FaceOptions{Size: float64(size * s), DPI: 72, Hinting: font.HintingNone})
	}
	text, err := face(imageTextSize)
	if err != nil {
		return nil, fmt.Errorf("chart image: %w", err)
	}
	defer text.Close()
	caption, err := face(imageCaptionSize)
	if err != nil {
		return nil, fmt.Errorf("chart image: %w", err)
	}
	defer caption.Close()

	p := newPen(int(width*s+0.5), int(height*s+0.5))
	p.rect(0, 0, width*s, height*s)
	p.fill(col.bg)
	ink := image.NewUniform(col.fg)
	// measure is a text's size in Fyne units; put draws it with its top
	// left corner at x, y (Fyne units).
	measure := func(fc font.Face, str string) (float32, float32) {
		m := fc.Metrics()
		return float32(font.MeasureString(fc, str)) / 64 / s, float32(m.Ascent+m.Descent) / 64 / s
	}
	put := func(fc font.Face, str string, x, y float32) {
		d := font.Drawer{Dst: p.img, Src: ink, Face: fc,
			Dot: fixed.Point26_6{X: fixed.Int26_6(x * s * 64), Y: fixed.Int26_6(y*s*64) + fc.Metrics().Ascent}}
		d.DrawString(str)
	}

	// Legend, in rows.
	pad := float32(imagePadding)
	var x, y, rowH float32
	for _, kind := range legendOrder {
		label := c.legendLabel(kind)
		if label == "" {
			continue
		}
		lines := wrapText(label, width-swatchWidth-pad, func(str string) float32 { w, _ := measure(text, str); return w }, legendLines)
		var tw float32
		for _, l := range lines {
			lw, _ := measure(text, l)
			tw = max(tw, lw)
		}
		_, lineH := measure(text, "Mg")
		th := lineH * float32(len(lines))
		w := swatchWidth + pad + tw
		h := max(swatchHeight, th)
		if x > 0 && (x+w > width || rowH != h) {
			x, y = 0, y+rowH+pad
		}
		drawSwatchAt(p, pt{x * s, (y + (h-swatchHeight)/2) * s}, s, kind, col)
		for j, l := range lines {
			put(text, l, x+swatchWidth+pad, y+(h-th)/2+float32(j)*lineH)
		}
		rowH = h
		x += w + 4*pad
	}
	legendH := y + rowH

	axisW, axisH := measure(caption, "10")
	left := axisW + 2*pad
	top := legendH + 2*pad
	g := chartGeom{w: width - left - pad, h: height - top - axisH - pad}
	g.x0, g.x1 = chartInset, g.w-chartInset
	g.y0, g.y1 = chartInset, g.h-chartStrip-chartInset/2
	g.from, g.to = c.span()

	sampleW := tickSampleWidth(func(str string) float32 { w, _ := measure(caption, str); return w })
	ticks, labels := dateTicks(g.from, g.to, max(2, min(int((g.x1-g.x0)/(sampleW+4*pad)), 16)))
	c.drawPlot(p, pt{left * s, top * s}, s, g, ticks, col)

	for v := 0; v <= scaleMax; v += 2 {
		l := fmt.Sprint(v)
		lw, _ := measure(caption, l)
		put(caption, l, axisW+pad-lw, top+g.y(float64(v))-axisH/2)
	}
	days := daysBetween(g.from, g.to)
	for i, t := range ticks {
		lw, _ := measure(caption, labels[i])
		if days <= 32 && len(ticks) == days {
			t = t.Add(12 * time.Hour) // one label a day: centre it on the day
		}
		lx := max(0, min(width-lw, left+g.x(t)-lw/2))
		put(caption, labels[i], lx, top+g.h)
	}
	return p.img, nil
}

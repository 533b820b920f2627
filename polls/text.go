package polls

import (
	"image/color"
	"strings"
	"unicode/utf8"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// chartFont is the face of every text in a chart. Sans rather than
// plot's default serif: it stays legible when a phone scales the picture
// down. Liberation 2.x covers the Kazakh letters (see the tests).
var chartFont = font.Font{Typeface: "Liberation", Variant: "Sans"}

// ellipsis marks text that was shortened.
const ellipsis = "…"

// style returns a text style of the chart's font at size (in pixels: charts
// are drawn at 72 dpi, where a point is a pixel).
func style(size vg.Length, c color.Color) text.Style {
	return text.Style{
		Color:   c,
		Font:    font.From(chartFont, size),
		Handler: plot.DefaultTextHandler,
	}
}

// width returns how wide s is drawn in sty.
func width(sty text.Style, s string) vg.Length {
	return sty.Rectangle(s).Size().X
}

// middle returns where to draw one line of text in sty, aligned YBottom
// (the zero value), so that its letters, rather than the box of the font's
// ascent and descent, are centred on pt.Y: a value beside a bar then sits
// level with the bar.
func middle(sty text.Style, pt vg.Point) vg.Point {
	const capHeight = 0.72 // of the font's size, in Liberation Sans
	// Plain text draws the baseline at pt.Y - ascent + size.
	pt.Y += sty.FontExtents().Ascent - sty.Font.Size - capHeight/2*sty.Font.Size
	return pt
}

// wrap breaks s at spaces into at most lines lines no wider than max, the
// way a title or an option's text is laid out. Text that does not fit
// ends with an ellipsis after the last whole word that does, so a reader
// can tell it was shortened; only a single word too long for a line on its
// own is cut within, and it too ends with the ellipsis.
func wrap(sty text.Style, s string, max vg.Length, lines int) string {
	if lines < 1 {
		return ""
	}
	var out []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && width(sty, line+" "+w) <= max {
			line += " " + w
			continue
		}
		if line != "" {
			out = append(out, line)
			if len(out) == lines {
				// w and what follows have no line left.
				out[lines-1] = shorten(sty, out[lines-1], max)
				return strings.Join(out, "\n")
			}
		}
		line = w
		if width(sty, line) > max {
			line = cut(sty, line, max)
		}
	}
	if line != "" {
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}

// shorten ends line with an ellipsis to say that words follow, dropping
// whole words from its end until it fits in max.
func shorten(sty text.Style, line string, max vg.Length) string {
	if strings.HasSuffix(line, ellipsis) {
		return line // a cut word already says so
	}
	for {
		if width(sty, line+ellipsis) <= max {
			return line + ellipsis
		}
		i := strings.LastIndexByte(line, ' ')
		if i < 0 {
			return cut(sty, line, max)
		}
		line = line[:i]
	}
}

// cut shortens a single word that is wider than max on its own, dropping
// letters from its end and marking the cut with an ellipsis.
func cut(sty text.Style, word string, max vg.Length) string {
	for word != "" {
		_, n := utf8.DecodeLastRuneInString(word)
		word = word[:len(word)-n]
		if width(sty, word+ellipsis) <= max {
			return word + ellipsis
		}
	}
	return ellipsis
}

// legend is a row of swatches and series names, laid out left to right
// and wrapping onto further rows, drawn above the bars: a legend inside
// the plot would cover the bars of long answers.
type legend struct {
	sty    text.Style
	names  []string
	colors []color.Color
	rows   int // set by layout
}

// legend metrics, in pixels.
const (
	swatch    = 20
	swatchGap = 8
	entryGap  = 28
)

// layout shortens the names to fit max and returns the legend's height.
func (l *legend) layout(max vg.Length) vg.Length {
	if len(l.names) < 2 {
		return 0
	}
	l.rows = 1
	x := vg.Length(0)
	for i, n := range l.names {
		n = wrap(l.sty, n, max/2, 1)
		l.names[i] = n
		w := swatch + swatchGap + width(l.sty, n)
		if x > 0 && x+w > max {
			l.rows++
			x = 0
		}
		x += w + entryGap
	}
	return vg.Length(l.rows) * l.rowHeight()
}

// rowHeight leaves half a line between rows.
func (l *legend) rowHeight() vg.Length { return l.sty.Font.Size * 1.5 }

// draw draws the legend with its top left corner at top.
func (l *legend) draw(c draw.Canvas, top vg.Point) {
	if l.rows == 0 {
		return
	}
	x, y := top.X, top.Y-l.rowHeight()
	for i, n := range l.names {
		w := swatch + swatchGap + width(l.sty, n)
		if x > top.X && x+w > c.Max.X {
			x, y = top.X, y-l.rowHeight()
		}
		box := vg.Rectangle{
			Min: vg.Point{X: x, Y: y + (l.rowHeight()-swatch)/2},
			Max: vg.Point{X: x + swatch, Y: y + (l.rowHeight()+swatch)/2},
		}
		c.SetColor(l.colors[i])
		c.Fill(box.Path())
		c.FillText(l.sty, middle(l.sty, vg.Point{X: x + swatch + swatchGap, Y: y + l.rowHeight()/2}), n)
		x += w + entryGap
	}
}

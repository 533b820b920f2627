package polls

import (
	"image/color"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// bars draws grouped horizontal bars with their values. plotter.BarChart
// takes its bar width before the plot is laid out, so it cannot make bars
// as thick as the space allows, nor know where a value label would fit;
// bars measures both on the canvas it is given.
type bars struct {
	series [][]float64
	colors []color.Color
	unit   string
	sty    text.Style // of the value labels, at their largest
}

var _ plot.Plotter = (*bars)(nil)

// valuePad is the gap between a bar's end and its value.
const valuePad = 6

// Plot draws the bars on the data canvas c.
func (b *bars) Plot(c draw.Canvas, p *plot.Plot) {
	trX, trY := p.Transforms(&c)
	k := len(b.series)
	n := len(b.series[0])
	band := trY(0.5) - trY(-0.5)
	// A few categories would otherwise get slabs rather than bars.
	thick := min(band*groupFill/vg.Length(k), maxBar)
	sty := b.sty
	sty.Font.Size = min(valueMax, thick*0.8)
	sty.YAlign = draw.YBottom // see middle
	labels := sty.Font.Size >= valueMin
	x0 := trX(0)
	for j, values := range b.series {
		for i, v := range values {
			// The first series on top within each group, as in the legend.
			y := trY(float64(n-1-i)) + (vg.Length(k-1)/2-vg.Length(j))*thick
			x1 := trX(v)
			bar := vg.Rectangle{
				// A sliver of white between neighbouring bars.
				Min: vg.Point{X: x0, Y: y - thick*0.45},
				Max: vg.Point{X: x1, Y: y + thick*0.45},
			}
			c.SetColor(b.colors[j])
			c.Fill(bar.Path())
			if labels {
				b.label(c, sty, format(v, b.unit), b.colors[j], x0, x1, y)
			}
		}
	}
}

// label writes a bar's value after its end or, where that would leave
// the canvas, inside it; a bar too short for either goes without, and
// the axis still tells its size.
func (b *bars) label(c draw.Canvas, sty text.Style, s string, bar color.Color, x0, x1, y vg.Length) {
	w := width(sty, s)
	switch {
	case x1+valuePad+w <= c.Max.X:
		sty.XAlign = draw.XLeft
		c.FillText(sty, middle(sty, vg.Point{X: x1 + valuePad, Y: y}), s)
	case x1-x0 >= w+2*valuePad:
		sty.XAlign = draw.XRight
		sty.Color = contrast(bar)
		c.FillText(sty, middle(sty, vg.Point{X: x1 - valuePad, Y: y}), s)
	}
}

// contrast returns the text colour that reads on a bar of colour bg.
func contrast(bg color.Color) color.Color {
	r, g, bl, _ := bg.RGBA()
	// Relative luminance, roughly (Rec. 601 weights), out of 0xffff.
	if 0.299*float64(r)+0.587*float64(g)+0.114*float64(bl) > 0x9000 {
		return ink
	}
	return color.White
}

// ticks marks the value axis at round numbers with the chart's unit.
type ticks struct{ unit string }

var _ plot.Ticker = ticks{}

// Ticks returns about five ticks from 0, at steps of 1, 2 or 5 times a
// power of ten, so that the gridlines fall on numbers a reader can use.
func (t ticks) Ticks(min, max float64) []plot.Tick {
	if max <= min {
		return nil
	}
	step := math.Pow(10, math.Floor(math.Log10((max-min)/5)))
	switch f := (max - min) / 5 / step; {
	case f > 5:
		step *= 10
	case f > 2:
		step *= 5
	case f > 1:
		step *= 2
	}
	var out []plot.Tick
	for i := 0; ; i++ {
		v := min + float64(i)*step
		if v > max+step*1e-9 {
			return out
		}
		label := format(v, "")
		if t.unit == "%" {
			label += "%"
		}
		out = append(out, plot.Tick{Value: v, Label: label})
	}
}

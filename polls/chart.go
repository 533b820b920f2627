package polls

import (
	"bytes"
	"fmt"
	"image/color"
	"math"
	"strconv"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
)

// Chart is a bar chart of one question, drawn for a chief's phone.
type Chart struct {
	Title string
	// Labels are the categories: the options, or the scale's values
	// "1" to "5". Long labels are wrapped and, if need be, shortened.
	Labels []string
	// Series has one group of bars per label each: the precinct, say, and
	// each district shown. Values must not be negative.
	Series []Series
	// Unit is the values' unit: "%" follows each value and tick; any
	// other unit labels the value axis.
	Unit string
	// Note is a line under the chart, such as "n = 134".
	Note string
}

// Series is one group's values, by label.
type Series struct {
	Name   string
	Values []float64
}

// ChartWidth and ChartHeight are a chart's size in pixels: wide enough for
// an option's text beside its bar, and a shape a messenger shows whole. A
// chart with many bars grows taller, so that every bar stays thick enough
// (18 pixels) to carry its value.
const (
	ChartWidth  = 900
	ChartHeight = 600
)

// Layout, in pixels; text is large because a phone shows the picture at
// about half its size.
const (
	margin     = 24
	titleSize  = 30
	labelSize  = 22
	legendSize = 20
	tickSize   = 18
	noteSize   = 18
	valueMax   = 20  // the size of value labels, where the bars allow
	valueMin   = 12  // below this bars are too thin for value labels
	minBar     = 18  // the thinnest bar, which still takes a value
	maxBar     = 56  // the thickest bar
	groupFill  = 0.8 // the share of a category's band its bars fill
	axisHeight = 40  // about what the value axis takes below the bars
)

var (
	ink  = color.Gray{Y: 0x22}
	gray = color.Gray{Y: 0x66}
	// palette is Okabe and Ito's, which colour-blind readers tell apart;
	// the first series, usually the whole precinct, is blue.
	palette = []color.Color{
		color.RGBA{0x00, 0x72, 0xb2, 0xff},
		color.RGBA{0xe6, 0x9f, 0x00, 0xff},
		color.RGBA{0x00, 0x9e, 0x73, 0xff},
		color.RGBA{0xd5, 0x5e, 0x00, 0xff},
		color.RGBA{0xcc, 0x79, 0xa7, 0xff},
		color.RGBA{0x56, 0xb4, 0xe9, 0xff},
		color.RGBA{0x55, 0x55, 0x55, 0xff},
	}
)

// PNG draws the chart as grouped horizontal bars, the first label at the
// top, with a legend above the bars when there is more than one series and
// each value written at the end of its bar where it fits. It returns an
// error wrapping ErrBadChart when the chart cannot be drawn.
func (c Chart) PNG() ([]byte, error) {
	if err := c.check(); err != nil {
		return nil, err
	}
	inner := vg.Length(ChartWidth - 2*margin)

	tsty := style(titleSize, ink)
	tsty.YAlign = draw.YTop
	title := wrap(tsty, c.Title, inner, 2)
	head := vg.Length(0)
	if title != "" {
		head = tsty.Height(title) + 12
	}
	lg := legend{sty: style(legendSize, ink)}
	for i, s := range c.Series {
		lg.names = append(lg.names, s.Name)
		lg.colors = append(lg.colors, palette[i%len(palette)])
	}
	lgh := lg.layout(inner)
	nsty := style(noteSize, gray)
	note := wrap(nsty, c.Note, inner, 1)
	foot := vg.Length(0)
	if note != "" {
		foot = nsty.Height(note) + 12
	}

	n, k := len(c.Labels), len(c.Series)
	fixed := 2*margin + head + lgh + foot + axisHeight
	need := vg.Length(n*k*minBar) / groupFill
	h := max(ChartHeight, fixed+need)
	band := (h - fixed) / vg.Length(n)

	// At 72 dpi a point is a pixel, so the sizes above are in pixels.
	canvas := vgimg.NewWith(vgimg.UseWH(ChartWidth, h), vgimg.UseDPI(72))
	dc := draw.New(canvas)
	area := draw.Crop(dc, margin, -margin, margin, -margin)
	if title != "" {
		dc.FillText(tsty, vg.Point{X: area.Min.X, Y: area.Max.Y}, title)
	}
	lg.draw(area, vg.Point{X: area.Min.X, Y: area.Max.Y - head})
	if note != "" {
		dc.FillText(nsty, vg.Point{X: area.Min.X, Y: area.Min.Y}, note)
	}
	c.plot(band).Draw(draw.Crop(area, 0, 0, foot, -head-lgh))

	var buf bytes.Buffer
	if _, err := (vgimg.PngCanvas{Canvas: canvas}).WriteTo(&buf); err != nil {
		return nil, fmt.Errorf("polls: encode chart %q: %w", c.Title, err)
	}
	return buf.Bytes(), nil
}

// check reports what keeps the chart from being drawn.
func (c Chart) check() error {
	if len(c.Labels) == 0 || len(c.Series) == 0 {
		return fmt.Errorf("polls: chart %q: %d labels, %d series: %w",
			c.Title, len(c.Labels), len(c.Series), ErrBadChart)
	}
	for _, s := range c.Series {
		if len(s.Values) != len(c.Labels) {
			return fmt.Errorf("polls: chart %q: series %q has %d values for %d labels: %w",
				c.Title, s.Name, len(s.Values), len(c.Labels), ErrBadChart)
		}
		for _, v := range s.Values {
			if v < 0 || math.IsNaN(v) || math.IsInf(v, 0) {
				return fmt.Errorf("polls: chart %q: series %q has value %v: %w",
					c.Title, s.Name, v, ErrBadChart)
			}
		}
	}
	return nil
}

// plot lays out the axes and bars; band is about the height of one
// category, which decides how many lines its label may take.
func (c Chart) plot(band vg.Length) *plot.Plot {
	p := plot.New()
	p.BackgroundColor = nil

	lsty := style(labelSize, ink)
	lsty.XAlign, lsty.YAlign = draw.XRight, draw.YCenter
	lines := min(max(int(band*0.9/labelSize), 1), 3)
	n := len(c.Labels)
	names := make([]string, n)
	for i, l := range c.Labels {
		// Category 0 is at the bottom of the axis; the first label
		// belongs at the top, where reading starts.
		names[n-1-i] = wrap(lsty, l, 0.38*(ChartWidth-2*margin), lines)
	}
	p.NominalY(names...)
	p.Y.Tick.Label = lsty
	p.Y.Min, p.Y.Max = -0.5, float64(n)-0.5
	// The bands already hold the bars off the value axis; the labels
	// need a gap before the bars.
	p.Y.Padding, p.X.Padding = 10, 0

	top := 0.0
	for _, s := range c.Series {
		for _, v := range s.Values {
			top = math.Max(top, v)
		}
	}
	if top == 0 {
		top = 1
	}
	// Leave room after the longest bar for its value.
	p.X.Min, p.X.Max = 0, top*1.15
	p.X.Tick.Marker = ticks{unit: c.Unit}
	p.X.Tick.Label = style(tickSize, gray)
	p.X.Tick.Label.XAlign, p.X.Tick.Label.YAlign = draw.XCenter, draw.YTop
	p.X.Tick.Color, p.X.Color = gray, gray
	if c.Unit != "%" {
		p.X.Label.Text = c.Unit
		p.X.Label.TextStyle = style(tickSize, gray)
	}

	grid := plotter.NewGrid()
	grid.Horizontal.Color = nil
	grid.Vertical.Color = color.Gray{Y: 0xdd}
	p.Add(grid)
	b := &bars{unit: c.Unit, sty: style(valueMax, ink)}
	for i, s := range c.Series {
		b.series = append(b.series, s.Values)
		b.colors = append(b.colors, palette[i%len(palette)])
	}
	p.Add(b)
	return p
}

// format writes v as a bar's label: whole percentages, which is all the
// precision a poll of hundreds has, and other values to one decimal.
func format(v float64, unit string) string {
	switch {
	case unit == "%" && v > 0 && v < 0.5:
		return "<1%" // not "0%" for a bar that is there
	case unit == "%":
		// math.Round rounds halves up, as readers do; FormatFloat
		// alone would round 12.5 to 12.
		return strconv.FormatFloat(math.Round(v), 'f', 0, 64) + "%"
	case v == math.Trunc(v):
		return strconv.FormatFloat(v, 'f', 0, 64)
	}
	return strconv.FormatFloat(math.Round(v*10)/10, 'f', 1, 64)
}

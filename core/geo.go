package core

import "math"

// Point is a WGS 84 position in degrees.
type Point struct {
	Lat float64 `json:"lat" yaml:"lat"`
	Lon float64 `json:"lon" yaml:"lon"`
}

// earthRadius is the mean Earth radius in metres.
const earthRadius = 6371008.8

// DistanceTo returns the great-circle distance from p to q in metres.
func (p Point) DistanceTo(q Point) float64 {
	const rad = math.Pi / 180
	dLat := (q.Lat - p.Lat) * rad
	dLon := (q.Lon - p.Lon) * rad
	a := math.Sin(dLat/2)*math.Sin(dLat/2) +
		math.Cos(p.Lat*rad)*math.Cos(q.Lat*rad)*math.Sin(dLon/2)*math.Sin(dLon/2)
	return 2 * earthRadius * math.Asin(math.Min(1, math.Sqrt(a)))
}

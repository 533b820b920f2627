package configs

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
)

// geoSource says where a boundary's GeoJSON came from, for messages: the
// file, and the path of the GeoJSON object within it.
type geoSource struct {
	file, field string
}

// boundary reads a district's boundary, given inline or in a file, and
// checks it. It returns nil if the boundary is missing or invalid.
func (c *checker) boundary(field string, d districtDoc, dir string) orb.MultiPolygon {
	inline := d.Boundary.Kind != 0
	switch {
	case inline && d.BoundaryFile != "":
		c.errorf(field, "set boundary or boundary_file, not both")
		return nil
	case d.BoundaryFile != "":
		path := d.BoundaryFile
		if !filepath.IsAbs(path) {
			path = filepath.Join(dir, path)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			c.errorf(join(field, "boundary_file"), "%v", err)
			return nil
		}
		return c.geoJSON(geoSource{file: path}, data, anyObject)
	case inline:
		var v any
		if err := d.Boundary.Decode(&v); err != nil {
			c.errorIn(c.file, d.Boundary.Line, join(field, "boundary"), err.Error())
			return nil
		}
		data, err := json.Marshal(v)
		if err != nil {
			c.errorIn(c.file, d.Boundary.Line, join(field, "boundary"), fmt.Sprintf("not GeoJSON: %v", err))
			return nil
		}
		return c.geoJSON(geoSource{file: c.file, field: join(field, "boundary")}, data, anyObject)
	}
	c.errorf(join(field, "boundary"), "required: a GeoJSON Polygon or MultiPolygon, inline or as boundary_file")
	return nil
}

// GeoJSON objects a boundary may be made of, from the outside in.
const (
	anyObject = iota // a FeatureCollection, a Feature or a geometry
	feature          // a FeatureCollection's only Feature
	geometry         // a Feature's geometry
)

// geoJSON decodes a Polygon or MultiPolygon, bare or as the only geometry
// of a Feature or FeatureCollection, and checks it. level says which of
// those data may be.
func (c *checker) geoJSON(src geoSource, data []byte, level int) orb.MultiPolygon {
	var head struct {
		Type        string            `json:"type"`
		Geometry    json.RawMessage   `json:"geometry"`
		Features    []json.RawMessage `json:"features"`
		Coordinates json.RawMessage   `json:"coordinates"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		c.errorIn(src.file, 0, src.field, fmt.Sprintf("not GeoJSON: %v", err))
		return nil
	}
	wants := map[int]string{
		anyObject: "Polygon, MultiPolygon, Feature or FeatureCollection",
		feature:   "Feature",
		geometry:  "Polygon or MultiPolygon",
	}
	switch {
	case head.Type == "FeatureCollection" && level == anyObject:
		if len(head.Features) != 1 {
			c.errorIn(src.file, 0, join(src.field, "features"),
				fmt.Sprintf("want exactly one feature, got %d: a district is one (multi)polygon", len(head.Features)))
			return nil
		}
		return c.geoJSON(geoSource{src.file, index(join(src.field, "features"), 0)}, head.Features[0], feature)
	case head.Type == "Feature" && level != geometry:
		src.field = join(src.field, "geometry")
		if len(head.Geometry) == 0 || string(head.Geometry) == "null" {
			c.errorIn(src.file, 0, src.field, "required: the feature's Polygon or MultiPolygon")
			return nil
		}
		return c.geoJSON(src, head.Geometry, geometry)
	case head.Type == "":
		c.errorIn(src.file, 0, join(src.field, "type"), "required: "+wants[level])
		return nil
	case head.Type != "Polygon" && head.Type != "MultiPolygon" || level == feature:
		c.errorIn(src.file, 0, join(src.field, "type"), fmt.Sprintf("%q: want %s", head.Type, wants[level]))
		return nil
	}

	var coords any
	_ = json.Unmarshal(head.Coordinates, &coords) // nil if absent: reported below
	depth := 3
	if head.Type == "MultiPolygon" {
		depth = 4
	}
	if msg, at := positions(coords, depth, "coordinates"); msg != "" {
		c.errorIn(src.file, 0, join(src.field, at), msg)
		return nil
	}
	g, err := geojson.UnmarshalGeometry(data)
	if err != nil {
		c.errorIn(src.file, 0, src.field, fmt.Sprintf("invalid %s: %v", head.Type, err))
		return nil
	}
	switch g := g.Geometry().(type) {
	case orb.Polygon:
		return c.polygons(src, orb.MultiPolygon{g}, true)
	case orb.MultiPolygon:
		return c.polygons(src, g, false)
	}
	return nil
}

// positions checks the nesting of GeoJSON coordinates before orb decodes
// them: orb would silently read a position [73.1] as [73.1, 0].
func positions(v any, depth int, path string) (msg, at string) {
	list, ok := v.([]any)
	if !ok {
		return "want an array", path
	}
	if depth == 1 {
		ok := len(list) == 2 || len(list) == 3
		for _, n := range list {
			_, isNumber := n.(float64)
			ok = ok && isNumber
		}
		if !ok {
			return fmt.Sprintf("a position is [lon, lat], got %v", list), path
		}
		return "", ""
	}
	for i, item := range list {
		if msg, at := positions(item, depth-1, index(path, i)); msg != "" {
			return msg, at
		}
	}
	return "", ""
}

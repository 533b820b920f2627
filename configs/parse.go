package configs

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// lineMessage splits yaml's "line 12: message" error texts.
var lineMessage = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// parse decodes a YAML file into doc, a pointer to the type that mirrors
// it (*fileDoc for a city, *pollDoc for a poll). Syntax errors stop it;
// unknown fields and values of the wrong type are recorded and decoding
// carries on, so that one run reports as much as possible.
func (c *checker) parse(data []byte, doc any) bool {
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		c.yamlError(err.Error())
		return false
	}
	if root.Kind == 0 || len(root.Content) == 0 {
		c.errorIn(c.file, 0, "", "file is empty")
		return false
	}
	c.unknownFields(&root, reflect.TypeOf(doc), "")
	if err := root.Decode(doc); err != nil {
		var te *yaml.TypeError
		if !errors.As(err, &te) {
			c.yamlError(err.Error())
			return false
		}
		for _, msg := range te.Errors {
			c.yamlError(msg)
		}
	}
	return true
}

// yamlError records a message from the yaml package, keeping its line.
func (c *checker) yamlError(msg string) {
	m := lineMessage.FindStringSubmatch(msg)
	if m == nil {
		c.errorIn(c.file, 0, "", strings.TrimPrefix(msg, "yaml: "))
		return
	}
	line, _ := strconv.Atoi(m[1])
	c.errorIn(c.file, line, "", m[2])
}

var (
	nodeType        = reflect.TypeFor[yaml.Node]()
	unmarshalerType = reflect.TypeFor[yaml.Unmarshaler]()
)

// unknownFields walks the YAML tree beside the Go type it decodes into and
// reports mapping keys the type has no field for. It does what the
// decoder's KnownFields(true) does, but names the field by its path
// ("districts[3].inspektor") rather than by a Go type name, and goes on
// after the first one.
func (c *checker) unknownFields(n *yaml.Node, t reflect.Type, path string) {
	for n != nil && n.Kind == yaml.AliasNode {
		n = n.Alias
	}
	if n == nil || t == nodeType { // a raw node is checked where it is read
		return
	}
	if n.Kind == yaml.DocumentNode {
		for _, child := range n.Content {
			c.unknownFields(child, t, path)
		}
		return
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		return // a type that decodes itself reports its own problems
	}
	switch {
	case t.Kind() == reflect.Struct && n.Kind == yaml.MappingNode:
		fields := yamlFields(t)
		for i := 0; i+1 < len(n.Content); i += 2 {
			key, value := n.Content[i], n.Content[i+1]
			if key.Value == "<<" { // a merge key: its mapping's keys count
				c.unknownFields(value, t, path)
				continue
			}
			ft, ok := fields[key.Value]
			if !ok {
				c.errorIn(c.file, key.Line, join(path, key.Value),
					fmt.Sprintf("unknown field (want one of: %s)", fieldNames(fields)))
				continue
			}
			c.unknownFields(value, ft, join(path, key.Value))
		}
	case t.Kind() == reflect.Slice && n.Kind == yaml.SequenceNode:
		for i, item := range n.Content {
			c.unknownFields(item, t.Elem(), index(path, i))
		}
	case t.Kind() == reflect.Map && n.Kind == yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			c.unknownFields(n.Content[i+1], t.Elem(), join(path, n.Content[i].Value))
		}
	}
}

// yamlFields maps the YAML names of t's fields to their types.
func yamlFields(t reflect.Type) map[string]reflect.Type {
	fields := make(map[string]reflect.Type, t.NumField())
	for i := range t.NumField() {
		f := t.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("yaml"), ",")
		if name == "" || name == "-" {
			continue
		}
		fields[name] = f.Type
	}
	return fields
}

func fieldNames(fields map[string]reflect.Type) string {
	names := make([]string, 0, len(fields))
	for name := range fields {
		names = append(names, name)
	}
	sort.Strings(names)
	return strings.Join(names, ", ")
}

// join appends a field name to a path: join("city", "name") is "city.name".
func join(path, name string) string {
	if path == "" {
		return name
	}
	return path + "." + name
}

// index appends an index to a path: index("districts", 3) is "districts[3]".
func index(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }
